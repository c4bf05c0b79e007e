package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * --help on the tool and every command, at picocli's narrowest width, a usual terminal's and a wide one: no line
 * wider than the width, and every option and every word of every description, summary and footer whole.
 */
class HelpLayoutTest {

    @ParameterizedTest
    @ValueSource(ints = {55, 80, 160})
    void everyWordOfTheHelpIsWholeAndNoLineIsWiderThanTheTerminal(int width) {
        CommandLine tool = ReviewCli.commandLine();
        tool.setUsageHelpAutoWidth(false);
        tool.setUsageHelpWidth(width);
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        commands.put("review-pipeline", tool);
        tool.getSubcommands().forEach((name, command) -> commands.put(name, command));

        commands.forEach((name, command) -> {
            String help = command.getUsageMessage(Help.Ansi.OFF);
            Set<String> words = Arrays.stream(help.split("\\s+")).collect(Collectors.toSet());
            for (String line : help.split("\\R")) {
                assertThat(TerminalTable.width(line)).as(name + " at " + width + ": " + line).isLessThanOrEqualTo(width);
            }
            for (String word : expectedWords(command)) {
                assertThat(words).as(name + " at " + width + ":\n" + help).contains(word);
            }
            // in a terminal the names are coloured: the colours take no column, the lines break where they did
            assertThat(command.getUsageMessage(Help.Ansi.ON).replaceAll("\u001B\\[[0-9;]*m", ""))
                    .as(name + " at " + width + " in colour").isEqualTo(help);
        });
    }

    /** Every word the help must show whole: descriptions, footer, each option and its description, summaries. */
    private static List<String> expectedWords(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        UsageMessageSpec usage = spec.usageMessage();
        List<String> texts = new ArrayList<>();
        texts.addAll(List.of(usage.header()));
        texts.addAll(List.of(usage.description()));
        texts.addAll(List.of(usage.footer()));
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            // the names as the synopsis shows them, e.g. --mart=NAME[,NAME...]
            String label = option.typeInfo().isBoolean() ? "" : "=" + option.paramLabel()
                    + (option.splitRegex().isEmpty() ? "" : "[" + option.splitRegex() + option.paramLabel() + "...]");
            texts.add(option.longestName() + label);
            texts.add(description(option));
        }
        for (ArgSpec parameter : spec.positionalParameters()) {
            texts.add(parameter.paramLabel());
            texts.add(description(parameter));
        }
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                texts.add(name);
                // a command's summary: its header, else the first paragraph of its description, whole
                UsageMessageSpec subUsage = sub.getCommandSpec().usageMessage();
                String[] summary = subUsage.header().length > 0 ? subUsage.header() : subUsage.description();
                texts.add(summary.length == 0 ? "" : summary[0]);
            }
        });
        // descriptions are format strings to picocli: %n breaks a line
        return texts.stream().map(text -> String.format(Locale.ROOT, text))
                .flatMap(text -> Arrays.stream(text.strip().split("\\s+")))
                .filter(word -> !word.isEmpty()).toList();
    }

    private static String description(ArgSpec arg) {
        String text = String.join(" ", arg.description());
        return arg.defaultValue() == null ? text : text.replace("${DEFAULT-VALUE}", arg.defaultValue());
    }
}
