package com.propertyquality.review.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class KnownMissingClassesTest {

    /** The application's loader, counting the names it is asked for. */
    private static final class Counting extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Counting() {
            super(KnownMissingClassesTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void aMissingNameIsLookedUpOnce() {
        Counting application = new Counting();
        KnownMissingClasses loader = new KnownMissingClasses(application);
        String missing = "org.apache.spark.sql.catalyst.expressions.UTF8String";

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loader.loadClass(missing)).isInstanceOf(ClassNotFoundException.class)
                    .hasMessage(missing);
        }
        assertThat(application.asked).containsExactly(missing);
    }

    @Test
    void aPresentClassIsTheApplicationsOwn() throws Exception {
        Counting application = new Counting();
        KnownMissingClasses loader = new KnownMissingClasses(application);

        Class<?> loaded = loader.loadClass(SparkSessions.class.getName());
        assertThat(loaded).isSameAs(SparkSessions.class);
        assertThat(Class.forName("org.apache.spark.sql.SparkSession", false, loader))
                .isSameAs(org.apache.spark.sql.SparkSession.class);
        // a class is never remembered as missing: asked again, the application answers again
        loader.loadClass(SparkSessions.class.getName());
        assertThat(application.asked).containsExactly(SparkSessions.class.getName(),
                "org.apache.spark.sql.SparkSession", SparkSessions.class.getName());
    }

    @Test
    void sparksExecutorsLoadThroughIt() {
        var spark = com.propertyquality.review.support.TestSpark.session();
        // a task on the local executor: the class loaders above its thread's, by name
        List<String> chain = spark.range(1).mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Long, String>) rows ->
                        List.of(names(Thread.currentThread().getContextClassLoader())).iterator(),
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(chain).isNotEmpty().allSatisfy(names -> assertThat(names).contains("known-missing-classes"));
        assertThat(names(SparkSessions.classLoader())).startsWith("known-missing-classes");
    }

    private static String names(ClassLoader loader) {
        StringBuilder chain = new StringBuilder();
        for (ClassLoader at = loader; at != null; at = at.getParent()) {
            chain.append(at.getName()).append(' ');
        }
        return chain.toString();
    }
}
