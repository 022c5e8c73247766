package org.attendanceroutes.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist as a logged-in user works in it: filters, the task list, a task's Camunda Form. */
final class Tasklist {

    static final By FILTER_NAMES = By.cssSelector(".task-filter h4.name a");
    static final By ACTIVE_FILTER = By.cssSelector(".task-filter.active h4.name");
    static final By TASK_NAMES = By.cssSelector(".tasks-list h4.task a");
    static final By FORM = By.cssSelector(".fjs-form");

    private final Browser browser;
    private final String home;

    Tasklist(Browser browser, String home) {
        this.browser = browser;
        this.home = home;
    }

    /** The names of the filters the user may use, without their counters. */
    List<String> filterNames() {
        browser.await(d -> !d.findElements(FILTER_NAMES).isEmpty());
        return browser.driver().findElements(FILTER_NAMES).stream()
                .map(name -> name.getText().replaceAll("\\s*\\d+$", "").trim()).toList();
    }

    /** Picks a filter by name and narrows its list to the tasks of the pupil with this UPN. */
    Tasklist tasksOfPupil(String filterName, String upn) {
        // Tasklist first focuses its default filter: a click before that would be undone
        browser.await(d -> d.getCurrentUrl().contains("filter="));
        browser.await(d -> d.findElements(FILTER_NAMES).stream()
                .filter(name -> name.getText().startsWith(filterName)).findFirst().orElse(null)).click();
        WebDriver driver = browser.driver();
        browser.await(d -> d.findElement(ACTIVE_FILTER).getText().startsWith(filterName));
        // the search Tasklist keeps in its address, as a bookmarked search on the process variable upn
        String search = "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + upn + "\",\"name\":\"upn\"}]";
        String url = driver.getCurrentUrl();
        String searchParameter = "searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
        url = url.contains("searchQuery=") ? url.replaceFirst("searchQuery=[^&]*", searchParameter)
                : url + (url.contains("?") ? "&" : "?") + searchParameter;
        // loaded afresh, so the list shown is the searched one, never the filter's whole list before it
        driver.get("about:blank");
        driver.get(url);
        browser.await(d -> d.findElement(By.cssSelector("[cam-widget-search]")).getText().contains(upn)
                && d.findElement(ACTIVE_FILTER).getText().startsWith(filterName));
        browser.await(d -> !d.findElements(TASK_NAMES).isEmpty() || d.getPageSource().contains("No task matching filters found."));
        browser.step("tasks of " + upn + " in " + filterName);
        return this;
    }

    /** The names of the tasks listed now. */
    List<String> taskNames() {
        return browser.driver().findElements(TASK_NAMES).stream().map(WebElement::getText).toList();
    }

    /** Opens the listed task of this name and waits for its Camunda Form. */
    Tasklist open(String taskName) {
        browser.await(d -> d.findElements(TASK_NAMES).stream().filter(task -> task.getText().equals(taskName))
                .findFirst().orElse(null)).click();
        browser.await(d -> d.findElement(FORM).isDisplayed());
        browser.step("task " + taskName);
        return this;
    }

    /** The form's text as shown: headings, the pupil's details and figures, the fields' labels. */
    String formText() {
        return browser.driver().findElement(FORM).getText();
    }

    /** Claims the open task: the form's fields and Complete work only for the task's assignee. */
    Tasklist claim() {
        browser.await(d -> d.findElement(By.cssSelector("button.claim"))).click();
        browser.await(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
        browser.step("claimed");
        return this;
    }

    /** Types into the text field or text area of the form field with this key. */
    Tasklist type(String key, String text) {
        field(key).sendKeys(text);
        return this;
    }

    /** Ticks the checkbox of the form field with this key. */
    Tasklist tick(String key) {
        WebElement box = field(key);
        if (!box.isSelected()) {
            browser.click(box);
        }
        return this;
    }

    /** Chooses an option, by its label, in the dropdown of the form field with this key. */
    Tasklist choose(String key, String optionLabel) {
        browser.click(field(key + "-display"));
        browser.click(browser.await(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(item -> item.getText().equals(optionLabel)).findFirst().orElse(null)));
        return this;
    }

    /** Completes the task and waits for Tasklist to close it. */
    void complete() {
        browser.step("filled in");
        browser.click(browser.await(d -> {
            WebElement complete = d.findElement(By.cssSelector("button[ng-click='complete()']"));
            return complete.isEnabled() ? complete : null;
        }));
        // Tasklist closes a task's form once the engine has completed it, and keeps it open on an error
        browser.await(d -> d.findElements(FORM).isEmpty());
        browser.step("completed");
    }

    private WebElement field(String key) {
        return browser.await(d -> d.findElement(FORM).findElement(By.cssSelector("[id$='-" + key + "']")));
    }
}
