package com.propertyquality.review;

import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.propertyquality.review.cli.ReviewCli;

/** The management-review pipeline: command line first, then a Spring context with the command's settings. */
@SpringBootApplication // its scan finds config.WorkFolderSettings: the settings and the work folder
public class ReviewApplication {

    public static void main(String[] args) {
        System.exit(ReviewCli.run(args));
    }
}
