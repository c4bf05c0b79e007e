package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.marts.MartCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "marts", mixinStandardHelpOptions = true,
        description = "List every mart with what it holds, its columns and its row count (data/README.md has the"
                + " formulas).")
class MartsCommand implements Callable<Integer> {

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Marts marts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Contexts.startReading(work, marts)) {
            PrintWriter out = spec.commandLine().getOut();
            for (MartCatalog.Entry entry : MartCatalog.of(context.getBean(WorkFolder.class).marts())) {
                if (!entry.built()) {
                    out.printf(Locale.ROOT, "%s: not built yet (run aggregate) - %s%n", entry.mart().name(),
                            entry.mart().description());
                    continue;
                }
                out.printf(Locale.ROOT, "%s (%,d rows): %s%n", entry.mart().name(), entry.rows(),
                        entry.mart().description());
                TerminalTable columns = new TerminalTable("column", "type");
                entry.columns().forEach(column -> columns.add(column.name(), column.type()));
                columns.print(out, "    ");
            }
            out.flush();
            return ReviewCli.OK;
        }
    }
}
