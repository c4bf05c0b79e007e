package com.propertyquality.review.support;

import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.spark.SparkSessions;

/** The one SparkSession of the test JVM (local, two threads), shared by every test class. */
public final class TestSpark {

    private TestSpark() {
    }

    public static SparkSession session() {
        return SparkSessions.get("local[2]", 2);
    }
}
