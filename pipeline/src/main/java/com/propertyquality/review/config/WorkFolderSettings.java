package com.propertyquality.review.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The settings and the work folder, alone: all a command that only reads the marts needs. The full application
 * context (batch, job repository, clock) imports this; {@code query} starts with it alone, a context that is up
 * in a fraction of the time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
public class WorkFolderSettings {

    @Bean
    WorkFolder workFolder(ReviewProperties properties, Environment environment) {
        WorkFolder folder = WorkFolder.of(properties.work(), properties.lake(), properties.marts());
        return folder.withCatalog(LakeCatalogs.of(properties.lakeCatalog(), folder.lake(), environment));
    }
}
