package com.propertyquality.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Which Spark master a command uses, from application.yml as shipped: local mode by default; under spark-submit
 * (which hands the driver its --master as the spark.master system property) that master; the environment and the
 * command line over both.
 */
class SparkMasterSettingTest {

    @Test
    void localModeByDefault() throws IOException {
        assertThat(master(Map.of(), Map.of())).isEqualTo("local[*]");
    }

    @Test
    void underSparkSubmitTheMasterItWasGiven() throws IOException {
        assertThat(master(Map.of("spark.master", "spark://head:7077"), Map.of())).isEqualTo("spark://head:7077");
        assertThat(master(Map.of("spark.master", "yarn"), Map.of())).isEqualTo("yarn");
    }

    @Test
    void theEnvironmentAndTheCommandLineWinOverSparkSubmit() throws IOException {
        Map<String, Object> sparkSubmit = Map.of("spark.master", "yarn");
        Map<String, Object> environment = Map.of("REVIEW_SPARK_MASTER", "spark://env:7077");
        assertThat(master(sparkSubmit, environment)).isEqualTo("spark://env:7077");
        assertThat(master(sparkSubmit, environment, "--review.spark.master=local[2]")).isEqualTo("local[2]");
    }

    /** review.spark.master bound the way Spring Boot orders its sources: command line, environment, JVM, file. */
    private static String master(Map<String, Object> systemProperties, Map<String, Object> environment,
                                 String... commandLine) throws IOException {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.forEach(source -> sources.remove(source.getName())); // not this JVM's own settings
        sources.addLast(new SimpleCommandLinePropertySource(commandLine));
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        sources.addLast(new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                systemProperties));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        return Binder.get(spring).bind("review", ReviewProperties.class).get().spark().master();
    }
}
