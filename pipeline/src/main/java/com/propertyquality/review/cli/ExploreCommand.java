package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.explorer.ExplorerServer;
import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.workbench.DuckDbReadEngine;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Serve the explorer: web pages over the marts for analysts (satisfaction by office, item, level"
                + " and segment; complaint Pareto; needs; a read-only SQL tab), in Chinese or English. Runs until"
                + " interrupted (Ctrl-C). Reads the marts on this machine's disk; starts no Spark.",
                "Example: explore --work work   then open http://127.0.0.1:8080/"})
class ExploreCommand implements Callable<Integer> {

    @Mixin
    WorkFolderOptions.Work work;

    @Mixin
    WorkFolderOptions.Lake lake;

    @Mixin
    WorkFolderOptions.Marts marts;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address"
                    + " requires the token printed at start with every request.")
    String bind;

    @Option(names = "--office", paramLabel = "ID",
            description = "Serve this office alone: its rows only, and 403 for a request naming another office.")
    String office;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        WorkFolder folder;
        // the settings and the work folder are all it needs: not the batch context other commands start
        try (ConfigurableApplicationContext context = Contexts.startReading(work, lake, marts)) {
            folder = context.getBean(WorkFolder.class);
        }
        Path martsFolder = local(folder.marts(), "--marts");
        local(folder.lake(), "--lake");
        try (ExplorerServer running = ExplorerServer.start(
                DuckDbReadEngine.open(folder.openLake(Lake.DEFAULT_BUFFER_ROWS), martsFolder, office),
                bind, port, office)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Explorer: " + running.url());
            if (running.token() != null) {
                out.println("Token (every request needs it; the address above carries it): " + running.token());
            }
            out.println("Serving " + (office == null ? "every office" : "office " + office)
                    + " until interrupted (Ctrl-C).");
            out.flush();
            // until Ctrl-C ends the JVM (or, in-process, the thread is interrupted)
            new CountDownLatch(1).await();
            return ReviewCli.OK;
        }
    }

    private Path local(StoragePath location, String option) {
        if (!location.isLocal()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "explore reads the marts from this machine's disk, not " + location.path() + " (" + option + ")");
        }
        return location.localPath();
    }
}
