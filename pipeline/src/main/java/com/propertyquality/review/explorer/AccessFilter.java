package com.propertyquality.review.explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The explorer's checks, on every request before any handler: bound to loopback, the request must name this machine
 * (Host 127.0.0.1 or localhost, else 403); bound elsewhere, the token (header {@code X-Explorer-Token}, cookie
 * {@code explorer_token} or query parameter {@code token}, else 401); and the office (with {@code explore --office}:
 * a request naming another office gets 403 and an empty body).
 */
final class AccessFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Explorer-Token";
    static final String COOKIE = "explorer_token";
    static final String PARAMETER = "token";

    /** The names a request to a loopback-bound explorer may carry in its Host header. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final ExplorerSettings settings;

    AccessFilter(ExplorerSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (settings.token() == null && !LOOPBACK_NAMES.contains(request.getServerName())) {
            // bound to loopback without a token: a page elsewhere must not reach it by pointing a name at 127.0.0.1
            // (DNS rebinding), so the request must be addressed to this machine by its own names
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println("address the explorer as 127.0.0.1 or localhost");
            return;
        }
        if (settings.token() != null) {
            String fromParameter = request.getParameter(PARAMETER);
            boolean byParameter = matches(fromParameter);
            if (!byParameter && !matches(request.getHeader(HEADER)) && !matches(cookie(request))) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().println("token required: open the address explore printed at start");
                return;
            }
            if (byParameter) {
                // the page's own requests then carry it without the address showing it again
                // written as a header: the Servlet API the build compiles against (5.0, for Spark) has no SameSite
                response.addHeader("Set-Cookie", COOKIE + "=" + fromParameter + "; Path=/; HttpOnly; SameSite=Strict");
            }
        }
        if (settings.refuses(request.getParameter("office"))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentLength(0);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
