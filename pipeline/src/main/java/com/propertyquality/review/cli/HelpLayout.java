package com.propertyquality.review.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help's text wrapped at spaces only. Picocli wraps with the JDK's line breaker, which also breaks after ':' and
 * '.' inside a word (spark: / //host:7077, BENCHMARKS. / md), and lists a command by the first line of its
 * description only; these sections lay out the same rows, but never break a word and show each command's whole
 * summary. Widths are display widths ({@link TerminalTable#width}): Chinese text counts two columns a character.
 */
final class HelpLayout {

    /** Where continuation lines of a wrapped cell start, past the cell's first line. */
    private static final int HANGING = 2;

    /** The columns of an option's required marker, short name and comma, before its long name. */
    private static final int NAMES = 5;

    /** The colours picocli gives names in a terminal: they take no column. */
    private static final Pattern ANSI_STYLE = Pattern.compile("\u001B\\[[0-9;]*m");

    /** Wide enough for any command's synopsis on one line (picocli allocates a line of this width). */
    private static final int SYNOPSIS_ON_ONE_LINE = 4_000;

    private HelpLayout() {
    }

    /** Installs the sections on the command and every subcommand it has now, and the terminal's width. */
    static CommandLine install(CommandLine commandLine) {
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(commandLine.getHelpSectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, HelpLayout::synopsis);
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, help -> paragraphs(help,
                help.commandSpec().usageMessage().description()));
        sections.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        sections.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, help -> paragraphs(help,
                help.commandSpec().usageMessage().footer()));
        commandLine.setHelpSectionMap(sections);
        // the terminal's width (picocli asks the terminal, at least 55 columns), 80 when there is none
        commandLine.setUsageHelpAutoWidth(true);
        return commandLine;
    }

    /**
     * Picocli's synopsis, wrapped at the spaces between its elements: picocli breaks inside one
     * ([--mart=NAME[, / NAME...]]...). The elements come from picocli's own synopsis, laid out on one line.
     */
    private static String synopsis(Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = width(help);
        int heading = help.synopsisHeadingLength();
        boolean autoWidth = usage.autoWidth();
        usage.autoWidth(false);
        int configured = usage.width();
        String line;
        try {
            usage.width(SYNOPSIS_ON_ONE_LINE);
            line = help.synopsis(heading).strip();
        } finally {
            usage.width(configured);
            usage.autoWidth(autoWidth);
        }
        // continuation lines under the first element after the command's name, or near the left when that is far
        String name = help.commandSpec().qualifiedName();
        int indent = heading + TerminalTable.width(name) + 1;
        if (indent > width / 2) {
            indent = heading;
        }
        StringBuilder text = new StringBuilder();
        wrap(text, "", heading, line, heading, indent, width);
        return text.toString();
    }

    private static String paragraphs(Help help, String[] lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            // as picocli does: %n breaks a line
            for (String paragraph : String.format(Locale.ROOT, line).split("\\R", -1)) {
                int indent = leadingSpaces(paragraph);
                wrap(text, "", 0, paragraph.strip(), indent, indent == 0 ? 0 : indent + HANGING, width(help));
            }
        }
        return text.toString();
    }

    private static String options(Help help) {
        List<OptionSpec> options = new ArrayList<>(help.commandSpec().options().stream()
                .filter(option -> !option.hidden()).toList());
        if (help.commandSpec().usageMessage().sortOptions()) {
            options.sort(Help.createShortOptionArityAndNameComparator());
        }
        List<Text[][]> rows = new ArrayList<>();
        for (OptionSpec option : options) {
            rows.add(help.createDefaultOptionRenderer().render(option, help.parameterLabelRenderer(),
                    help.colorScheme()));
        }
        return table(help, rows);
    }

    private static String parameters(Help help) {
        List<Text[][]> rows = new ArrayList<>();
        for (PositionalParamSpec parameter : help.commandSpec().positionalParameters()) {
            if (!parameter.hidden()) {
                rows.add(help.createDefaultParameterRenderer().render(parameter, help.parameterLabelRenderer(),
                        help.colorScheme()));
            }
        }
        return table(help, rows);
    }

    /**
     * Picocli's rows of an option: its first four cells the required marker, short name, comma and long name with
     * its parameter; the fifth a line of its description. Laid out as picocli does: the description at the same
     * column for every option, on the next line when the names are longer than the long-name column.
     */
    private static String table(Help help, List<Text[][]> options) {
        int longest = 0;
        int longestWord = 0;
        for (Text[][] rows : options) {
            longest = Math.max(longest, TerminalTable.width(rows[0][3].plainString()));
            for (Text[] row : rows) {
                for (String word : row[4].plainString().split(" +")) {
                    longestWord = Math.max(longestWord, TerminalTable.width(word));
                }
            }
        }
        int longColumn = 1 + Math.min(longest, help.commandSpec().usageMessage().longOptionsMaxWidth());
        int description = NAMES + longColumn + 2;
        int next = description + HANGING;
        // too narrow for the longest word beside the names (a URI, a path): each description under its names
        boolean stacked = longestWord > width(help) - next;
        if (stacked) {
            description = NAMES + 2;
            next = description + HANGING;
        }
        StringBuilder text = new StringBuilder();
        for (Text[][] rows : options) {
            StringBuilder names = new StringBuilder();
            int namesWidth = 0;
            int[] widths = {2, 2, 1};
            for (int c = 0; c < widths.length; c++) {
                int cell = TerminalTable.width(rows[0][c].plainString());
                names.append(rows[0][c].toString()).append(" ".repeat(Math.max(0, widths[c] - cell)));
                namesWidth += Math.max(widths[c], cell);
            }
            names.append(' ').append(rows[0][3].toString());
            namesWidth += 1 + TerminalTable.width(rows[0][3].plainString());
            String prefix = names.toString();
            if (stacked || namesWidth + 2 > description) {
                text.append(prefix.stripTrailing()).append(System.lineSeparator());
                prefix = "";
                namesWidth = 0;
            }
            boolean any = false;
            for (Text[] row : rows) {
                String line = row[4].plainString().strip();
                if (!line.isEmpty()) {
                    wrap(text, prefix, namesWidth, line, description, next, width(help));
                    prefix = "";
                    namesWidth = 0;
                    any = true;
                }
            }
            if (!any && !prefix.isEmpty()) {
                text.append(prefix.stripTrailing()).append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    private static String commands(Help help) {
        Map<String, Help> shown = new LinkedHashMap<>();
        help.subcommands().forEach((name, sub) -> {
            if (!sub.commandSpec().usageMessage().hidden()) {
                shown.put(name, sub);
            }
        });
        int names = shown.keySet().stream().mapToInt(TerminalTable::width).max().orElse(0);
        int summary = 2 + names + 2;
        StringBuilder text = new StringBuilder();
        shown.forEach((name, sub) -> {
            wrap(text, "  " + help.colorScheme().commandText(name), 2 + TerminalTable.width(name), summary(sub),
                    summary, summary + HANGING, width(help));
        });
        return text.toString();
    }

    /** A command's summary: its header, else the first paragraph of its description, whole. */
    private static String summary(Help sub) {
        UsageMessageSpec usage = sub.commandSpec().usageMessage();
        String[] lines = usage.header().length > 0 ? usage.header() : usage.description();
        return lines.length == 0 ? "" : String.format(Locale.ROOT, lines[0]).split("\\R")[0].strip();
    }

    /**
     * Appends the text as lines of at most {@code width} columns, broken at spaces only: the first line after the
     * prefix (which takes {@code prefixWidth} columns, its colours aside) at column {@code first}, the next at
     * column {@code next}. A word longer than a line has its own line.
     */
    static void wrap(StringBuilder out, String prefix, int prefixWidth, String text, int first, int next,
                     int width) {
        StringBuilder line = new StringBuilder(prefix).append(" ".repeat(Math.max(0, first - prefixWidth)));
        int column = first;
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            int length = TerminalTable.width(ANSI_STYLE.matcher(word).replaceAll(""));
            if (!empty && column + 1 + length > width) {
                out.append(line.toString().stripTrailing()).append(System.lineSeparator());
                line = new StringBuilder(" ".repeat(next));
                column = next;
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                column++;
            }
            line.append(word);
            column += length;
            empty = false;
        }
        out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static int leadingSpaces(String text) {
        int count = 0;
        while (count < text.length() && text.charAt(count) == ' ') {
            count++;
        }
        return count;
    }

    private static int width(Help help) {
        return help.commandSpec().usageMessage().width();
    }
}
