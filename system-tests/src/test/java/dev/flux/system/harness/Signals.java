package dev.flux.system.harness;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** POSIX signals Java has no API for (SIGSTOP, SIGCONT), sent with kill(1). */
final class Signals {

	private Signals() {
	}

	static void send(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.start();
			String output = new String(kill.getInputStream().readAllBytes());
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("kill -" + signal + " " + pid + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
