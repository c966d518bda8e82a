package co.wpfoods.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The simulator's chat page in a real headless Chromium, used the way a person uses it: type in a phone's composer,
 * tap a reply button by its title, open a list and tap a row, share a location through the 📍 sheet, open a link. Each
 * step waits for what the person would wait for (a new message from WPFoods saying something), never for a fixed time.
 */
final class ChatPage implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String MISSING = "Skipping the chat page order tests: /usr/bin/chromium or /usr/bin/chromedriver is"
            + " missing (install with: apt-get update && apt-get install -y chromium chromium-driver;"
            + " ./wpfoods test does it when run as root)";

    private static final Pattern PIN = Pattern.compile("PIN[^*\\n]*\\*(\\d{4})\\*");

    final WebDriver browser;
    private final Path profile;
    private final String url;
    private final Duration replyTimeout;
    private final String chat;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    ChatPage(String url, Duration replyTimeout) {
        this.url = url;
        this.replyTimeout = replyTimeout;
        try {
            profile = Files.createTempDirectory("wpfoods-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1900,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.get(url);
        chat = browser.getWindowHandle();
    }

    /** One phone on the page: the chat panel of one WhatsApp number. */
    Phone phone(String waId) {
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(panel(waId))));
        return new Phone(waId);
    }

    /** Back to the chat page's tab after a link opened another one. */
    void backToChat() {
        for (String handle : Set.copyOf(browser.getWindowHandles())) {
            if (!handle.equals(chat)) {
                browser.switchTo().window(handle).close();
            }
        }
        browser.switchTo().window(chat);
    }

    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        return wait;
    }

    private static String panel(String waId) {
        return ".phone[data-wa-id='" + waId + "']";
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class Phone {
        final String waId;

        Phone(String waId) {
            this.waId = waId;
        }

        /** How many messages from WPFoods this phone shows now: later waits look only at newer ones. */
        int received() {
            return browser.findElements(By.cssSelector(panel(waId) + " .msg.in"))
                    .size();
        }

        /** Types a message in the composer and sends it. */
        Phone write(String text) {
            WebElement input = browser.findElement(By.cssSelector(panel(waId) + " .composer input.text"));
            input.sendKeys(text);
            browser.findElement(By.cssSelector(panel(waId) + " .composer .send"))
                    .click();
            waitForSent(text);
            return this;
        }

        /** Taps the newest reply button with this title. */
        Phone tap(String title) {
            String xpath = "(//section[@data-wa-id='" + waId + "']//button[contains(@class,'reply-button')"
                    + " and normalize-space(.)='↩ " + title + "'])[last()]";
            waiting(replyTimeout).until(driver -> {
                driver.findElement(By.xpath(xpath)).click();
                return true;
            });
            waitForSent(title);
            return this;
        }

        /** Opens the newest list message and taps the row whose title starts with this text. */
        Phone pick(String rowTitle) {
            String open = "(//section[@data-wa-id='" + waId + "']//button[contains(@class,'list-open')])[last()]";
            waiting(replyTimeout).until(driver -> {
                driver.findElement(By.xpath(open)).click();
                return true;
            });
            String row = "//div[@id='sheet']//button[contains(@class,'list-row')]"
                    + "[starts-with(normalize-space(div[@class='t']), '" + rowTitle + "')]";
            try {
                waiting(Duration.ofSeconds(10)).until(driver -> {
                    driver.findElement(By.xpath(row)).click();
                    return true;
                });
            } catch (TimeoutException e) {
                throw new AssertionError(
                        "no row '" + rowTitle + "' in the list; rows: "
                                + browser.findElements(By.cssSelector("#sheet .list-row .t")).stream()
                                        .map(WebElement::getText)
                                        .toList(),
                        e);
            }
            waitForSent(rowTitle);
            return this;
        }

        /** Shares a location through the 📍 sheet, choosing one of its Bogotá quick picks. */
        Phone shareLocation(String quickPick) {
            By shared = By.cssSelector(panel(waId) + " .msg.out .location-card");
            int before = browser.findElements(shared).size();
            browser.findElement(By.cssSelector(panel(waId) + " .composer .attach-location"))
                    .click();
            waiting(Duration.ofSeconds(10)).until(driver -> {
                driver.findElement(By.xpath(
                                "//div[@id='sheet']//button[contains(@class,'chip') and .='" + quickPick + "']"))
                        .click();
                return true;
            });
            browser.findElement(By.cssSelector("#sheet .sheet-ok")).click();
            waiting(Duration.ofSeconds(20))
                    .until(driver -> driver.findElements(shared).size() > before);
            return this;
        }

        /** Opens the newest link button (a CTA URL message) in a new tab, which becomes the current one. */
        void openLink() {
            String xpath = "(//section[@data-wa-id='" + waId + "']//a[contains(@class,'cta-link')])[last()]";
            int tabs = browser.getWindowHandles().size();
            waiting(replyTimeout).until(driver -> {
                driver.findElement(By.xpath(xpath)).click();
                return true;
            });
            waiting(Duration.ofSeconds(10)).until(ExpectedConditions.numberOfWindowsToBe(tabs + 1));
            browser.getWindowHandles().stream()
                    .filter(handle -> !handle.equals(chat))
                    .reduce((first, second) -> second)
                    .ifPresent(handle -> browser.switchTo().window(handle));
        }

        /**
         * Waits for a message from WPFoods, newer than the first {@code after} ones, whose text contains every one
         * of {@code fragments}; returns its text.
         */
        String waitFor(int after, String... fragments) {
            try {
                return waiting(replyTimeout).until(driver -> {
                    List<WebElement> bubbles = driver.findElements(By.cssSelector(panel(waId) + " .msg.in"));
                    for (int i = after; i < bubbles.size(); i++) {
                        String text = bubbles.get(i).getText();
                        if (containsAll(text, fragments)) {
                            return text;
                        }
                    }
                    return null;
                });
            } catch (TimeoutException e) {
                throw new AssertionError(
                        "+" + waId + " never got a message with " + List.of(fragments) + "; it got: "
                                + newMessages(after),
                        e);
            }
        }

        /** The texts of the messages from WPFoods newer than the first {@code after} ones. */
        List<String> newMessages(int after) {
            List<WebElement> bubbles = browser.findElements(By.cssSelector(panel(waId) + " .msg.in"));
            return bubbles.subList(Math.min(after, bubbles.size()), bubbles.size()).stream()
                    .map(WebElement::getText)
                    .toList();
        }

        /** The buttons under the newest message from WPFoods that has any. */
        List<String> newestButtons() {
            return browser
                    .findElements(By.xpath("(//section[@data-wa-id='" + waId
                            + "']//div[contains(@class,'actions')][button[contains(@class,'reply-button')]])[last()]"
                            + "/button"))
                    .stream()
                    .map(button -> button.getText().replaceFirst("^↩ ", ""))
                    .toList();
        }

        /** How many messages this phone's person has sent. */
        int sent() {
            return browser.findElements(By.cssSelector(panel(waId) + " .msg.out"))
                    .size();
        }

        private void waitForSent(String text) {
            waiting(Duration.ofSeconds(20)).until(driver -> {
                List<WebElement> sent = driver.findElements(By.cssSelector(panel(waId) + " .msg.out"));
                return !sent.isEmpty() && sent.getLast().getText().contains(text);
            });
        }

        private static boolean containsAll(String text, String... fragments) {
            for (String fragment : fragments) {
                if (!text.toLowerCase(java.util.Locale.ROOT).contains(fragment.toLowerCase(java.util.Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The 4-digit delivery PIN in a message ("Tu PIN de entrega es *1234*"). */
    static String deliveryPin(String message) {
        Matcher m = PIN.matcher(message);
        if (!m.find()) {
            throw new AssertionError("no 4-digit PIN in: " + message);
        }
        return m.group(1);
    }
}
