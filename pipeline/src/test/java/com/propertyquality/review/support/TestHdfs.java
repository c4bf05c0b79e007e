package com.propertyquality.review.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for the tests: a name node and a data node in the test JVM, on loopback, started once per JVM and
 * shared like the SparkSession; each test takes a folder of its own.
 */
public final class TestHdfs {

    private static MiniDFSCluster cluster;

    private TestHdfs() {
    }

    /** A new, empty folder on the test HDFS as a URI: {@code hdfs://localhost:PORT/<name>-<uuid>}. */
    public static synchronized String newFolder(String name) {
        start();
        return "hdfs://localhost:" + cluster.getNameNodePort() + "/" + name + "-" + UUID.randomUUID();
    }

    private static void start() {
        if (cluster != null) {
            return;
        }
        try {
            Path base = Files.createTempDirectory("test-hdfs-");
            Configuration conf = new Configuration();
            conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
            // loopback only, and no web UIs: nothing here is served
            conf.set("dfs.namenode.http-address", "127.0.0.1:0");
            conf.set("dfs.datanode.http.address", "127.0.0.1:0");
            cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
            cluster.waitActive();
            MiniDFSCluster started = cluster;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.shutdown(true), "hdfs-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test HDFS", e);
        }
    }
}
