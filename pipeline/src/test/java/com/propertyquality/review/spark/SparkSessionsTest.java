package com.propertyquality.review.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkEnv;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;

import com.propertyquality.review.support.TestSpark;

class SparkSessionsTest {

    /**
     * Spark reads the size of its cache of compiled generated code from the context's configuration when code is
     * first generated; with its default of 100 a JVM that aggregates twice compiled every mart's code twice.
     */
    @Test
    void keepsTheCompiledCodeOfEveryMart() {
        String entries = TestSpark.session().sparkContext().getConf().get(SparkSessions.CODEGEN_CACHE_ENTRIES, "100");
        assertThat(Integer.parseInt(entries)).isGreaterThanOrEqualTo(1000);
    }

    /**
     * A job whose tasks prefer different hosts, one this executor's and one elsewhere, as the splits of a lake on
     * HDFS do, with nothing else running. With Spark's default locality wait the local scheduler runs the first task,
     * holds the second back for a better place and never offers its cores again: the job never ends (the HDFS
     * review's hang). With no wait on a local master it ends at once; a minute is the margin, not a speed limit.
     */
    @Test
    void aJobWhoseTasksPreferOtherHostsEndsOnALocalMaster() throws Exception {
        SparkContext context = TestSpark.session().sparkContext();
        assertThat(context.getConf().get(SparkSessions.LOCALITY_WAIT)).isEqualTo("0s");
        String here = SparkEnv.get().blockManager().blockManagerId().host();
        List<Tuple2<Integer, Seq<String>>> preferring = List.of(
                new Tuple2<>(1, hosts(here)),
                new Tuple2<>(2, hosts("datanode-elsewhere.invalid")));
        String group = "locality-" + System.nanoTime();
        CompletableFuture<Long> count = CompletableFuture.supplyAsync(() -> {
            context.setJobGroup(group, "tasks preferring two hosts", true);
            return context.makeRDD(CollectionConverters.asScala(preferring).toSeq(),
                    ClassTag$.MODULE$.apply(Integer.class)).count();
        });
        try {
            assertThat(count.get(1, TimeUnit.MINUTES)).isEqualTo(2L);
        } finally {
            context.cancelJobGroup(group);
        }
    }

    private static Seq<String> hosts(String host) {
        return CollectionConverters.asScala(List.of(host)).toList();
    }

    /**
     * A query's tasks load classes from the executor's own class path. With Spark's artifact isolation on, each
     * task's class loader is Spark's {@code ExecutorClassLoader}, which asks the driver over RPC for every name it
     * does not know (Janino tries many while compiling generated code).
     */
    @Test
    void aQuerysTasksLoadClassesWithoutAskingTheDriver() {
        List<String> loaders = TestSpark.session().range(0, 4, 1, 2)
                .map((MapFunction<Long, String>) id -> Thread.currentThread().getContextClassLoader().getClass()
                        .getName(), Encoders.STRING())
                .collectAsList();
        assertThat(loaders).hasSize(4).noneMatch(name -> name.endsWith("ExecutorClassLoader"));
    }
}
