package com.propertyquality.review;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.propertyquality.review.cli.ReviewCli;
import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;

/** The management-review pipeline: command line first, then a Spring context with the command's settings. */
@SpringBootApplication
@EnableConfigurationProperties(ReviewProperties.class)
public class ReviewApplication {

    public static void main(String[] args) {
        System.exit(ReviewCli.run(args));
    }

    @Bean
    WorkFolder workFolder(ReviewProperties properties) {
        return WorkFolder.of(properties.work(), properties.lake(), properties.marts());
    }
}
