package com.propertyquality.review.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.propertyquality.review.support.ChildJvm;

/**
 * A real Spark standalone cluster on loopback: one master and one worker, each a JVM running Spark's own classes
 * from a {@link SparkDistribution}. Small on purpose (two cores, 1 GB for executors) so that it fits a 2-core
 * machine next to the driver.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final int port;
    private final Path workerDir;
    private final List<ChildJvm> processes = new ArrayList<>();

    private StandaloneCluster(int port, Path workerDir) {
        this.port = port;
        this.workerDir = workerDir;
    }

    /**
     * Starts the master, then the worker, and waits until the master is leader and the worker registered with it.
     * A cluster that fails to start is stopped again before the failure (with the logs) is thrown.
     */
    static StandaloneCluster start(SparkDistribution spark, List<String> jvmFlags, Path folder)
            throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(freePort(), folder.resolve("worker"));
        boolean started = false;
        try {
            ChildJvm master = cluster.launch(spark, jvmFlags, "master", folder.resolve("master.log"),
                    "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(cluster.port), "--webui-port", String.valueOf(freePort()));
            master.awaitLog("I have been elected leader", START_TIMEOUT);
            ChildJvm worker = cluster.launch(spark, jvmFlags, "worker", folder.resolve("worker.log"),
                    "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", String.valueOf(freePort()), "--cores", "2", "--memory", "1g",
                    "--work-dir", Files.createDirectories(cluster.workerDir).toString(), cluster.masterUrl());
            worker.awaitLog("Successfully registered with master", START_TIMEOUT);
            started = true;
            return cluster;
        } finally {
            if (!started) {
                cluster.close();
            }
        }
    }

    private ChildJvm launch(SparkDistribution spark, List<String> jvmFlags, String name, Path log,
                            String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(jvmFlags);
        command.addAll(List.of("-Xmx256m", "-cp", spark.classPath(), mainClass));
        command.addAll(List.of(arguments));
        ChildJvm jvm = ChildJvm.start(name, command, spark.environment(), log);
        processes.add(jvm);
        return jvm;
    }

    /** spark://127.0.0.1:PORT, the URL a driver is given. */
    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /**
     * The stderr files of the executors the worker launched for an application, from its work folder
     * (work/APP-ID/EXECUTOR-ID/stderr): where an executor's task log lines are.
     */
    List<Path> executorLogs(String appId) throws IOException {
        Path app = workerDir.resolve(appId);
        if (!Files.isDirectory(app)) {
            return List.of();
        }
        try (Stream<Path> executors = Files.list(app)) {
            return executors.map(executor -> executor.resolve("stderr")).filter(Files::isRegularFile).sorted()
                    .toList();
        }
    }

    /** The master's and the worker's logs, for a failure message. */
    String logs() {
        StringBuilder text = new StringBuilder();
        for (ChildJvm jvm : processes) {
            text.append(jvm.log()).append('\n');
        }
        return text.toString();
    }

    /** Stops the worker (which stops its executors), then the master. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        processes.clear();
    }

    /** A port nobody listens on now; loopback only. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
