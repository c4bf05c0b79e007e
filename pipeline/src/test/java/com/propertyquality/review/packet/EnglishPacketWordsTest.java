package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.reports.document.Chapter;
import com.propertyquality.review.reports.document.Lang;
import com.propertyquality.review.reports.document.ReportDocument;
import com.propertyquality.review.support.SampleReview;

/**
 * The English documents of the sample company hold no Chinese but names and recorded text (issue: the English
 * packet printed 27 fragments of Chinese evidence the marts stored as sentences). Every string the documents print
 * is read back; the values of the columns that hold names and what people wrote are taken out, as the source served
 * them; whatever Chinese is left was written by the code or stored by a mart as prose.
 */
class EnglishPacketWordsTest {

    /**
     * Columns whose values are names or recorded text, printed as recorded (IMPORT-TEMPLATES.md: free text): offices,
     * people and their roles, places and cities, departments, what customers, inspectors and the plan wrote, a
     * purchase's category and a customer's occupation (both free text), the recorded words a trigger's evidence
     * quotes ({@code evidence_text}: a complaint's summary, an event's description). A code's name (area, item, level) or a
     * mart's own sentence never belongs here: those the packet words in the reader's language.
     */
    static final Set<String> RECORDED = Set.of("office_name", "name", "chair", "place",
            "management_representative", "department", "owner_department", "role", "city", "title", "text",
            "description", "note", "category", "segment", "evidence_text");

    /** Chinese ending in an ellipsis: a recorded value the packet shortened to fit a cell. */
    static final Pattern SHORTENED = Pattern.compile("([\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef][^…]*)…");

    static final List<ReportDocument> documents = new ArrayList<>();
    /** Every recorded value with Chinese in it, per column, as served. */
    static final Map<String, Set<String>> served = new TreeMap<>();

    @BeforeAll
    static void writeEnglishDocuments() {
        PacketSource source = new Recording(new WorkFolderSource(new WorkFolder(SampleReview.work()),
                "Sample Property Management", new BigDecimal("0.60")));
        int year = 2025;
        documents.add(ManagementReviewPacket.of(source, year, Lang.EN));
        documents.add(ReturnRatesCheck.of(source, year, Lang.EN));
        for (OfficeRegister.Office office : OfficeRegister.of(source, year).offices()) {
            documents.add(OfficeReport.of(source, year, office.id(), Lang.EN));
        }
    }

    @Test
    void theEnglishDocumentsPrintNoChineseButNamesAndRecordedText() {
        List<String> recorded = served.entrySet().stream().filter(entry -> RECORDED.contains(entry.getKey()))
                .flatMap(entry -> entry.getValue().stream())
                // a recorded text of several paragraphs is printed a paragraph a line
                .flatMap(value -> Stream.concat(Stream.of(value), value.lines().map(String::strip)))
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        Set<String> left = new TreeSet<>();
        for (ReportDocument document : documents) {
            for (String text : texts(document)) {
                String rest = text;
                // shortened values first: a name inside one (a department) would otherwise cut its start
                Matcher shortened = SHORTENED.matcher(text);
                while (shortened.find()) {
                    String start = shortened.group(1);
                    if (recorded.stream().anyMatch(value -> value.startsWith(start))) {
                        rest = rest.replace(shortened.group(), " ");
                    }
                }
                for (String value : recorded) {
                    rest = rest.replace(value, " ");
                }
                if (DocumentText.CHINESE.matcher(rest).find()) {
                    left.add(document.title() + ": " + text);
                }
            }
        }
        assertThat(documents).hasSizeGreaterThan(2);
        assertThat(left).as("Chinese left after names and recorded text; columns serving Chinese: "
                + served.keySet()).isEmpty();
    }

    @Test
    void theSampleHasChineseNamesToTakeOut() {
        // the check above is only worth something when the sample's names and records are Chinese
        assertThat(served).containsKey("office_name");
    }

    static List<String> texts(ReportDocument document) {
        List<String> texts = new ArrayList<>();
        texts.add(document.title());
        if (document.cover() != null) {
            texts.add(document.cover().title());
            texts.addAll(document.cover().lines());
        }
        List<Chapter> chapters = document.chapters();
        texts.addAll(DocumentText.texts(chapters));
        return texts;
    }

    /** The work folder's source, noting every Chinese string value it serves, by column. */
    record Recording(PacketSource source) implements PacketSource {

        private static List<Map<String, Object>> note(List<Map<String, Object>> rows) {
            rows.forEach(Recording::note);
            return rows;
        }

        private static void note(Map<String, Object> row) {
            row.forEach((column, value) -> {
                if (value instanceof String text && DocumentText.CHINESE.matcher(text).find()) {
                    served.computeIfAbsent(column, c -> new TreeSet<>()).add(text);
                }
            });
        }

        @Override
        public String companyName() {
            return source.companyName();
        }

        @Override
        public BigDecimal returnThreshold() {
            return source.returnThreshold();
        }

        @Override
        public List<Map<String, Object>> mart(String name) {
            return note(source.mart(name));
        }

        @Override
        public void eachOfYear(String name, int year, Collection<MartColumn> columns, Consumer<MartRow> action) {
            source.eachOfYear(name, year, columns, row -> {
                note(row.values());
                action.accept(row);
            });
        }

        @Override
        public List<Map<String, Object>> lake(String dataset) {
            return note(source.lake(dataset));
        }

        @Override
        public List<Map<String, Object>> martOfYear(String name, int year) {
            return note(source.martOfYear(name, year));
        }

        @Override
        public List<Map<String, Object>> martOfOffice(String name, int year, String officeId) {
            return note(source.martOfOffice(name, year, officeId));
        }

        @Override
        public List<Map<String, Object>> lakeOfYear(String dataset, int year) {
            return note(source.lakeOfYear(dataset, year));
        }
    }
}
