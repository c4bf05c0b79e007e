package com.propertyquality.review.explorer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The explorer's two checks, on every request before any handler: the token (when bound to a non-loopback address:
 * header {@code X-Explorer-Token}, cookie {@code explorer_token} or query parameter {@code token}, else 401), and
 * the office (with {@code explore --office}: a request naming another office gets 403 and an empty body).
 */
final class AccessFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Explorer-Token";
    static final String COOKIE = "explorer_token";
    static final String PARAMETER = "token";

    private final ExplorerSettings settings;

    AccessFilter(ExplorerSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
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
