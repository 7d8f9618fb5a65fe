package dev.flux.events.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * What an idle relay waits on: a commit of its own instance, a notification of another
 * instance's commit, or a change of its role. Signals coalesce until the relay takes
 * them, so none is lost between two waits. A nudge (the broker answered for a batch in
 * flight) ends a wait without being a signal: there is nothing new to read, only confirms
 * to take.
 */
final class RelayWake {

	private final AtomicBoolean signalled = new AtomicBoolean();

	private final AtomicBoolean nudged = new AtomicBoolean();

	private volatile @Nullable Thread waiter;

	void signal() {
		if (!this.signalled.getAndSet(true)) {
			unpark();
		}
	}

	void nudge() {
		if (!this.nudged.getAndSet(true)) {
			unpark();
		}
	}

	/**
	 * Waits at most {@code timeout} for a signal or a nudge, or until the thread is
	 * interrupted.
	 * @return whether a signal came (and is taken); a nudge is taken too
	 */
	boolean await(Duration timeout) {
		if (this.signalled.getAndSet(false)) {
			return true;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		// Set before looking at the flags again, so that a signal in between unparks.
		this.waiter = Thread.currentThread();
		try {
			long remaining = timeout.toNanos();
			while (!this.signalled.get() && !this.nudged.get() && remaining > 0
					&& !Thread.currentThread().isInterrupted()) {
				LockSupport.parkNanos(this, remaining);
				remaining = deadline - System.nanoTime();
			}
		}
		finally {
			this.waiter = null;
		}
		this.nudged.set(false);
		return this.signalled.getAndSet(false);
	}

	private void unpark() {
		Thread current = this.waiter;
		if (current != null) {
			LockSupport.unpark(current);
		}
	}

}
