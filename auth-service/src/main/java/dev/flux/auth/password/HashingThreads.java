package dev.flux.auth.password;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the hashing threads: daemon platform threads that, on Linux, raise their own nice
 * value first, so that the kernel runs a request thread that wakes up ahead of them.
 * Lowering a thread's priority needs no privilege; on Linux {@code setpriority} with
 * {@code who = 0} applies to the calling thread only. Elsewhere (where it would apply to
 * the whole process) the threads keep the normal priority.
 */
final class HashingThreads implements ThreadFactory {

	private static final Logger logger = LoggerFactory.getLogger(HashingThreads.class);

	private static final int PRIO_PROCESS = 0;

	private final AtomicInteger created = new AtomicInteger();

	private final int niceness;

	HashingThreads(int niceness) {
		if (niceness < 0 || niceness > 19) {
			throw new IllegalArgumentException("niceness must be from 0 to 19, not " + niceness);
		}
		this.niceness = niceness;
	}

	@Override
	public Thread newThread(Runnable work) {
		return Thread.ofPlatform().daemon().name("password-hashing-" + this.created.incrementAndGet()).unstarted(() -> {
			lowerOwnPriority();
			work.run();
		});
	}

	private void lowerOwnPriority() {
		if (this.niceness == 0) {
			return;
		}
		if (!Platform.isLinux()) {
			logger.info("Password hashing runs at the normal priority: lowering one thread's priority needs Linux");
			return;
		}
		try {
			if (CLibrary.INSTANCE.setpriority(PRIO_PROCESS, 0, this.niceness) != 0) {
				logger.warn("Password hashing runs at the normal priority: setpriority failed with errno {}",
						Native.getLastError());
			}
		}
		catch (LinkageError ex) {
			logger.warn("Password hashing runs at the normal priority: the C library is not reachable ({})",
					ex.toString());
		}
	}

	/** The one C function needed. */
	interface CLibrary extends Library {

		CLibrary INSTANCE = Native.load("c", CLibrary.class);

		int setpriority(int which, int who, int priority);

	}

}
