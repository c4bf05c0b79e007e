package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

import com.propertyquality.review.support.SampleReview;
import com.propertyquality.review.support.TaggedPdf;

/**
 * The sample packet as a digital document (issue: the PDF was untagged and its contents page had no links): a tagged
 * PDF/A-2a whose headings, tables and charts a screen reader can follow, with every contents entry a link to its
 * chapter.
 */
class PacketDigitalTest {

    static byte[] pdf;
    static TaggedPdf tagged;
    static Map<String, Integer> chapters;

    @BeforeAll
    static void readPacket() throws IOException {
        pdf = Files.readAllBytes(SampleReview.work().resolve("reports/management-review-2025.pdf"));
        Map<String, Integer> outline = TaggedPdf.read(pdf, List.of()).chapters();
        chapters = new LinkedHashMap<>(outline);
        int contents = chapters.remove("目录");
        int firstChapter = chapters.values().iterator().next();
        tagged = TaggedPdf.read(pdf, IntStream.range(contents, firstChapter).boxed().toList());
    }

    @Test
    void theStructureTreeHasChaptersSectionsTablesAndFigures() {
        assertThat(tagged.marked()).isTrue();
        assertThat(tagged.lang()).isEqualTo("zh-CN");
        // One H1 per chapter and the contents, as the outline has them.
        assertThat(tagged.ofType("H1")).hasSize(chapters.size() + 1);
        assertThat(tagged.ofType("H2")).hasSizeGreaterThan(chapters.size());
        assertThat(tagged.ofType("Table")).isNotEmpty().allSatisfy(table ->
                assertThat(table.kidTypes()).isNotEmpty().containsOnly("TR"));
        assertThat(tagged.ofType("TH")).isNotEmpty();
        assertThat(tagged.ofType("TD")).hasSizeGreaterThan(tagged.ofType("TH").size());
        assertThat(tagged.outlineOfTypes().get(0)).isEqualTo("H1");
    }

    @Test
    void everyFigureSaysWhatTheChartShows() {
        assertThat(tagged.ofType("Figure")).isNotEmpty().allSatisfy(figure ->
                assertThat(figure.alt()).matches("(柱状图|帕累托图)：[^。]+。.*\\d+\\.\\d{2}%.*"));
        assertThat(tagged.ofType("Figure")).anySatisfy(figure ->
                assertThat(figure.alt()).startsWith("帕累托图：").contains("主要因素（累计至 80.00%）："));
    }

    @Test
    void everyContentsEntryLinksToItsChaptersFirstPage() {
        assertThat(chapters).hasSizeGreaterThan(5);
        chapters.forEach((title, page) -> {
            // A long title wraps: each of its lines is a link of its own, then the page number is one.
            String linked = tagged.contentsLinks().stream().filter(link -> link.targetPage() == page)
                    .map(TaggedPdf.Link::text).collect(Collectors.joining());
            assertThat(linked.replaceAll("\\s", "")).as(title).isEqualTo((title + page).replaceAll("\\s", ""));
        });
        assertThat(tagged.contentsLinks()).allSatisfy(link -> assertThat(chapters).containsValue(link.targetPage()));
    }

    @Test
    void isValidPdfA2a() throws Exception {
        assertThat(TaggedPdf.veraPdfFailures(pdf, PDFAFlavour.PDFA_2_A)).isEmpty();
    }
}
