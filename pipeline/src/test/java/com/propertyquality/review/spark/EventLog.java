package com.propertyquality.review.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a finished application's Spark event log (spark.eventLog.enabled, one JSON event per line) says about where
 * it ran: its id, its master, the executors it got and how many tasks ran on each ("driver" would mean local mode).
 */
record EventLog(String appId, String master, Set<String> executors, Map<String, Long> tasksByExecutor) {

    /** The one application logged in {@code folder}. */
    static EventLog read(Path folder) {
        List<Path> logs;
        try (Stream<Path> files = Files.list(folder)) {
            logs = files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (logs.size() != 1) {
            throw new AssertionError("expected one finished application's event log in " + folder + ": " + logs);
        }
        ObjectMapper json = new ObjectMapper();
        String appId = null;
        String master = null;
        Set<String> executors = new TreeSet<>();
        Map<String, Long> tasks = new TreeMap<>();
        try (Stream<String> lines = Files.lines(logs.get(0))) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode event = json.readTree(line);
                switch (event.path("Event").asText()) {
                    case "SparkListenerApplicationStart" -> appId = event.path("App ID").asText();
                    case "SparkListenerEnvironmentUpdate" ->
                            master = event.path("Spark Properties").path("spark.master").asText();
                    case "SparkListenerExecutorAdded" -> executors.add(event.path("Executor ID").asText());
                    case "SparkListenerTaskEnd" ->
                            tasks.merge(event.path("Task Info").path("Executor ID").asText(), 1L, Long::sum);
                    default -> {
                        // the rest (jobs, stages, SQL plans) says nothing about where the work ran
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event log " + logs.get(0), e);
        }
        return new EventLog(appId, master, executors, tasks);
    }
}
