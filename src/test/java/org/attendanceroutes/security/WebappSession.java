package org.attendanceroutes.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps: cookies kept, and the CSRF token the webapps
 * hand out sent back on modifying requests unless a test leaves it out on purpose.
 */
class WebappSession {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private final String root;
    private final String engine;
    private String csrfToken;

    /** Opens Tasklist's page, as a browser does before it logs in. */
    WebappSession(String root, String engine) {
        this.root = root;
        this.engine = engine;
        get("/camunda/app/tasklist/");
    }

    /** Logs in to one of the webapps ("tasklist", "cockpit", "admin"); the status says whether it let the user in. */
    int login(String app, String user, String password) {
        return login(app, user, password, true);
    }

    int loginWithoutCsrfToken(String app, String user, String password) {
        return login(app, user, password, false);
    }

    private int login(String app, String user, String password, boolean withCsrfToken) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        int status = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/" + engine + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), withCsrfToken).statusCode();
        // the login starts a new session, which gets its own token on its first read, as in a browser
        get("/camunda/api/admin/auth/user/" + engine);
        return status;
    }

    /** A call on the webapps' engine API, /camunda/api/engine/engine/{engine}{path}. */
    HttpResponse<String> getEngine(String path) {
        return get("/camunda/api/engine/engine/" + engine + path);
    }

    HttpResponse<String> postEngine(String path, String json, boolean withCsrfToken) {
        return post("/camunda/api/engine/engine/" + engine + path, json, withCsrfToken);
    }

    /** A JSON POST in the session, with the webapps' CSRF token or without. */
    HttpResponse<String> post(String path, String json, boolean withCsrfToken) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), withCsrfToken);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), false);
    }

    private URI uri(String path) {
        return URI.create(root + path.replace("{engine}", engine));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean withCsrfToken) {
        if (withCsrfToken && csrfToken != null) {
            request.header(CSRF_HEADER, csrfToken);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue(CSRF_HEADER).ifPresent(token -> csrfToken = token);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
