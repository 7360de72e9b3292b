package io.billinghub.platform;

import java.time.Duration;

/** Waits between polls; replaced in tests by one that moves a simulated clock instead of blocking. */
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;
}
