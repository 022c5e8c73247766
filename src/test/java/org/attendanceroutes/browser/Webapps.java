package org.attendanceroutes.browser;

import org.attendanceroutes.security.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The Camunda webapps of the test's server, addressed by its engine's name (each test context has
 * its own engine). Every demo user's password is "demo".
 */
final class Webapps {

    private final Browser browser;
    private final String root;

    Webapps(Browser browser, int port, String engineName) {
        this.browser = browser;
        this.root = "http://localhost:" + port + "/camunda/app/{app}/" + engineName + "/";
    }

    Tasklist tasklist(Role role) {
        return new Tasklist(browser, logIn("tasklist", role));
    }

    Cockpit cockpit(Role role) {
        return new Cockpit(browser, logIn("cockpit", role));
    }

    /** Logs in on the webapp's own login page and returns the webapp's address. */
    private String logIn(String app, Role role) {
        String home = root.replace("{app}", app);
        WebDriver driver = browser.driver();
        browser.logOut();
        driver.get(home);
        browser.await(d -> d.findElement(By.cssSelector("input[ng-model=username]"))).sendKeys(role.demoUserId());
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        // the login must carry the webapps' CSRF token, which the page fetches as it loads
        browser.await(d -> d.manage().getCookieNamed("XSRF-TOKEN") != null);
        browser.step(app + " login as " + role.demoUserId());
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        String fullName = role.demoFirstName() + " " + role.demoLastName();
        String shown = browser.await(d -> {
            String text = d.findElement(By.tagName("body")).getText();
            return text.contains(fullName) || text.contains("Login Failed") ? text : null;
        });
        browser.step(app + " as " + role.demoUserId());
        if (!shown.contains(fullName)) {
            throw new IllegalStateException(app + " refused the login of " + role.demoUserId() + ": "
                    + shown.lines().filter(line -> line.contains("Login Failed")).findFirst().orElseThrow());
        }
        return home;
    }
}
