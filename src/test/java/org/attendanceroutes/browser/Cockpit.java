package org.attendanceroutes.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as a manager reads it: one process instance's view. */
final class Cockpit {

    private final Browser browser;
    private final String home;

    Cockpit(Browser browser, String home) {
        this.browser = browser;
        this.home = home;
    }

    /** Opens the runtime view of the process instance, diagram and details loaded. */
    Instance processInstance(String processInstanceId) {
        browser.driver().get(home + "#/process-instance/" + processInstanceId + "/runtime");
        browser.await(d -> d.findElement(By.cssSelector("dd.business-key")).isDisplayed());
        browser.await(d -> !d.findElements(By.cssSelector(".djs-container svg")).isEmpty());
        browser.step("process instance " + processInstanceId);
        return new Instance();
    }

    final class Instance {

        String businessKey() {
            return browser.driver().findElement(By.cssSelector("dd.business-key")).getText().trim();
        }

        /** The names of the activities the instance is at now, from the activity instance tree. */
        List<String> currentActivities() {
            browser.driver().findElement(By.linkText("Filter")).click();
            List<WebElement> nodes = browser.await(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(".instance-tree a[ng-click^='select']"));
                return found.isEmpty() ? null : found;
            });
            browser.step("activity instance tree");
            return nodes.stream().map(WebElement::getText).toList();
        }
    }
}
