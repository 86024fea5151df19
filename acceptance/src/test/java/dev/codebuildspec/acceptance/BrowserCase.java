package dev.codebuildspec.acceptance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose cases look at pages in one headless Chromium, opened once for the class. */
abstract class BrowserCase {
    static Suite suite;
    static Browser browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        suite = Suite.get();
        browser = Browser.open(suite.jenkins);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
