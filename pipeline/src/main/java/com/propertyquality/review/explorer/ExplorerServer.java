package com.propertyquality.review.explorer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.propertyquality.review.workbench.DuckDbReadEngine;

/**
 * The explorer's web server: its own Spring context (Spring MVC on embedded Tomcat), apart from the batch context
 * the other commands start, over one read engine it is given and closes with it.
 */
public final class ExplorerServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final DuckDbReadEngine engine;
    private final String url;
    private final String token;

    private ExplorerServer(ConfigurableApplicationContext context, DuckDbReadEngine engine, String url, String token) {
        this.context = context;
        this.engine = engine;
        this.url = url;
        this.token = token;
    }

    /**
     * Serves the engine's views on the address and port (0: a free port). Bound to a loopback address, anyone on
     * this machine may use it; bound elsewhere, every request must carry the token made here.
     */
    public static ExplorerServer start(DuckDbReadEngine engine, String bind, int port, String officeOrNull) {
        InetAddress address = address(bind);
        String token = address.isLoopbackAddress() ? null : newToken();
        ExplorerSettings settings = new ExplorerSettings(officeOrNull, token);
        // The JVM takes one URL stream handler factory: Hadoop's (once Spark ran in this JVM) or Tomcat's. The
        // explorer serves no war: URLs, so Tomcat does without its own and starts either way.
        TomcatURLStreamHandlerFactory.disable();
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ExplorerConfiguration.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .initializers(c -> {
                        c.getBeanFactory().registerSingleton("readEngine", engine);
                        c.getBeanFactory().registerSingleton("explorerSettings", settings);
                    })
                    .run(List.of(
                            // application.yml says no web server (for every other command): the strongest source here
                            "--spring.main.web-application-type=servlet",
                            "--spring.main.lazy-initialization=false",
                            "--spring.web.resources.static-locations=classpath:/explorer/,classpath:/fonts/notosanssc/",
                            "--server.address=" + address.getHostAddress(),
                            "--server.port=" + port).toArray(String[]::new));
            int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
            String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                    : address.getHostAddress();
            return new ExplorerServer(context, engine, "http://" + host + ":" + actualPort + "/", token);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** The page's address (with the token when there is one). */
    public String url() {
        return token == null ? url : url + "?token=" + token;
    }

    /** The token every request must carry, or null when bound to a loopback address. */
    public String token() {
        return token;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            engine.close();
        }
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot bind to " + bind + ": unknown host", e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
