package com.propertyquality.review.cli;

import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.ReviewApplication;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.config.WorkFolderSettings;
import com.propertyquality.review.ingest.WorkFolderLock;

/** Starts the Spring context a command runs in, with the command's options as the strongest settings. */
final class Contexts {

    private static final String BACKGROUND_PREINITIALIZER_IGNORE = "spring.backgroundpreinitializer.ignore";

    private Contexts() {
    }

    static ConfigurableApplicationContext start(WorkFolderOptions.Setting... options) {
        return start(ReviewApplication.class, options);
    }

    /**
     * A context with the settings and the work folder only (no batch, no job repository, no Spark): for commands
     * that only read the marts, whose users wait for the answer.
     */
    static ConfigurableApplicationContext startReading(WorkFolderOptions.Setting... options) {
        return start(WorkFolderSettings.class, options);
    }

    private static ConfigurableApplicationContext start(Class<?> configuration,
                                                        WorkFolderOptions.Setting... options) {
        List<String> arguments = WorkFolderOptions.springArguments(options);
        // Boot warms Jackson, Tomcat and the HTTP converters on a thread of their own, for a web server these
        // contexts never start: on two cores that thread takes CPU from the command a user waits for
        System.setProperty(BACKGROUND_PREINITIALIZER_IGNORE,
                System.getProperty(BACKGROUND_PREINITIALIZER_IGNORE, "true"));
        return new SpringApplicationBuilder(configuration)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }

    /**
     * The context of a command that ingests, with its work folder locked before anything opens the job repository:
     * the embedded H2 repository is a file in the work folder that a running ingest holds open, so a second one
     * must meet the lock first, and be refused with its one line, not with H2's message about a file in use.
     * The context starts lazily and opens no data source on its own (application.yml), so reading the work folder
     * from it is safe.
     */
    static Ingesting startIngesting(WorkFolderOptions.Setting... options) {
        ConfigurableApplicationContext context = start(options);
        try {
            return new Ingesting(context, WorkFolderLock.acquire(context.getBean(WorkFolder.class).root()));
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** A context and the lock on its work folder; closing it closes the context (and the repository) first. */
    record Ingesting(ConfigurableApplicationContext context, WorkFolderLock lock) implements AutoCloseable {

        @Override
        public void close() {
            try {
                context.close();
            } finally {
                lock.close();
            }
        }
    }
}
