package com.propertyquality.review.marts;

import java.util.List;

/** Column names as the Scala sequence Spark's join(…, usingColumns) takes, for every mart family. */
final class JoinKeys {

    private JoinKeys() {
    }

    static scala.collection.immutable.Seq<String> of(List<String> columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
    }
}
