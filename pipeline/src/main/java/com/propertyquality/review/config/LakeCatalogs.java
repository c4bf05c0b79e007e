package com.propertyquality.review.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.Environment;

import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.StoragePath;

/**
 * The lake's catalog as the settings choose it: by default a Hadoop catalog in the lake folder (nothing to set up;
 * the lake folder is the lake, whatever the job repository). A JDBC catalog without a URI of its own goes into the
 * job repository's PostgreSQL database, the place a company already backs up and shares between machines.
 */
final class LakeCatalogs {

    private LakeCatalogs() {
    }

    static LakeCatalog of(ReviewProperties.LakeCatalogSettings settings, StoragePath lake, Environment environment) {
        ReviewProperties.LakeCatalogSettings chosen = settings != null ? settings
                : new ReviewProperties.LakeCatalogSettings("", "", "", Map.of());
        String repository = environment.getProperty("spring.datasource.url", "");
        boolean onPostgres = repository.startsWith("jdbc:postgresql:");
        String type = chosen.type().isEmpty() ? LakeCatalog.TYPE_HADOOP : chosen.type();
        Map<String, String> extra = new LinkedHashMap<>();
        String uri = chosen.uri();
        if (type.equals(LakeCatalog.TYPE_JDBC) && uri.isEmpty()) {
            if (!onPostgres) {
                throw new IllegalArgumentException("review.lake-catalog.type is jdbc but neither"
                        + " review.lake-catalog.uri nor a PostgreSQL job repository names its database");
            }
            uri = repository;
            putIfSet(extra, "jdbc.user", environment.getProperty("spring.datasource.username"));
            putIfSet(extra, "jdbc.password", environment.getProperty("spring.datasource.password"));
        }
        extra.putAll(chosen.properties());
        return LakeCatalog.of(type, uri, chosen.name(), lake, extra);
    }

    private static void putIfSet(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isEmpty()) {
            properties.put(key, value);
        }
    }
}
