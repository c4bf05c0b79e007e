package com.propertyquality.review.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.ReviewApplication;

/** Starts the Spring context a command runs in, with the command's options as the strongest settings. */
final class Contexts {

    private Contexts() {
    }

    static ConfigurableApplicationContext start(CommonOptions options, String... extraProperties) {
        List<String> arguments = new ArrayList<>(options.asSpringArguments());
        arguments.addAll(List.of(extraProperties));
        return new SpringApplicationBuilder(ReviewApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
    }
}
