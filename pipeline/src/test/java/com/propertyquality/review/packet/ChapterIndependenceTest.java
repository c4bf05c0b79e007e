package com.propertyquality.review.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No chapter class of the packet refers to another chapter class: what two chapters print is built once in a
 * shared builder ({@code ReturnVisitTables}, {@code ActionTables}, ...), so a chapter can change without another
 * changing with it. Read from the sources, comments and strings removed, so a {@code {@link}} in a comment is no
 * reference but a call, a constant or a type in code is.
 */
class ChapterIndependenceTest {

    private static final Path PACKET = Path.of("src/main/java/com/propertyquality/review/packet");

    /** The packet's chapters: every *Chapter and *Chapters class, and the appendix. */
    private static final Pattern CHAPTER = Pattern.compile("\\w+(Chapters?|Appendix)");

    @Test
    void noChapterRefersToAnotherChapter() throws IOException {
        List<String> chapters = chapterClasses();
        // the nine chapters, the office summary appendix and the office report's chapters
        assertThat(chapters).contains("ReviewPlanChapter", "CustomerServiceChapter", "OutputFormsChapter",
                "OfficeSummaryAppendix", "OfficeReportChapters").hasSizeGreaterThanOrEqualTo(11);

        List<String> references = new ArrayList<>();
        for (String chapter : chapters) {
            references.addAll(references(chapter, code(PACKET.resolve(chapter + ".java")), chapters));
        }
        assertThat(references).as("calls from one chapter to another").isEmpty();
    }

    @Test
    void aCallFromOneChapterToAnotherIsFound() {
        List<String> chapters = List.of("OfficeSummaryAppendix", "InspectionsChapter", "IncidentsAndActionsChapter");
        String source = withoutComments("""
                /** Like {@link InspectionsChapter#build}. */
                class OfficeSummaryAppendix {
                    // IncidentsAndActionsChapter.failedTable(...) was called here
                    String text = "InspectionsChapter";
                    Object table = InspectionsChapter.byOfficeAndLevel(rows, register, false, lang);
                }
                """);

        assertThat(references("OfficeSummaryAppendix", source, chapters))
                .containsExactly("OfficeSummaryAppendix -> InspectionsChapter.byOfficeAndLevel");
    }

    static List<String> chapterClasses() throws IOException {
        try (Stream<Path> files = Files.list(PACKET)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .filter(name -> CHAPTER.matcher(name).matches())
                    .sorted().toList();
        }
    }

    /** Every use in {@code code} of another chapter's name, as "From -> To.member". */
    static List<String> references(String from, String code, List<String> chapters) {
        List<String> found = new ArrayList<>();
        for (String to : chapters) {
            if (to.equals(from)) {
                continue;
            }
            Matcher use = Pattern.compile("\\b" + to + "\\b(\\s*\\.\\s*(\\w+))?").matcher(code);
            while (use.find()) {
                found.add(from + " -> " + to + (use.group(2) == null ? "" : "." + use.group(2)));
            }
        }
        return found;
    }

    private static String code(Path file) throws IOException {
        return withoutComments(Files.readString(file));
    }

    /** The source without comments, string and char literals, text blocks (their text names no class). */
    static String withoutComments(String source) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = end(source, "\n", i + 2);
            } else if (source.startsWith("/*", i)) {
                i = end(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                i = end(source, "\"\"\"", i + 3);
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i++);
                while (i < source.length() && source.charAt(i) != quote) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            code.append(' ');
        }
        return code.toString();
    }

    /** The index after the first {@code close} from {@code from}, or the end of the source. */
    private static int end(String source, String close, int from) {
        int at = source.indexOf(close, from);
        return at < 0 ? source.length() : at + close.length();
    }
}
