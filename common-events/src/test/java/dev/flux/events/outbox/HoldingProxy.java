package dev.flux.events.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the broker that can hold back what the broker sends while it
 * passes on what clients send: a broker slow to confirm, for a relay connected through
 * it.
 */
final class HoldingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String host;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final Object gate = new Object();

	private boolean held;

	HoldingProxy(String host, int port) {
		this.host = host;
		this.port = port;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofPlatform().daemon().name("holding-proxy").start(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** From now on the broker's bytes (confirms among them) wait at the proxy. */
	void hold() {
		synchronized (this.gate) {
			this.held = true;
		}
	}

	/** Passes on what was held back, and everything after. */
	void release() {
		synchronized (this.gate) {
			this.held = false;
			this.gate.notifyAll();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket broker = new Socket(this.host, this.port);
				this.sockets.add(client);
				this.sockets.add(broker);
				InputStream fromClient = client.getInputStream();
				OutputStream toBroker = broker.getOutputStream();
				InputStream fromBroker = broker.getInputStream();
				OutputStream toClient = client.getOutputStream();
				Thread.ofPlatform().daemon().start(() -> pump(fromClient, toBroker, false));
				Thread.ofPlatform().daemon().start(() -> pump(fromBroker, toClient, true));
			}
			catch (IOException ex) {
				// Closed, or the broker refused: the client sees its connection fail.
			}
		}
	}

	private void pump(InputStream in, OutputStream out, boolean fromBroker) {
		byte[] buffer = new byte[8192];
		try (in; out) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				if (fromBroker) {
					awaitRelease();
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// One side closed: the other follows.
		}
	}

	private void awaitRelease() throws InterruptedException {
		synchronized (this.gate) {
			while (this.held) {
				this.gate.wait();
			}
		}
	}

	@Override
	public void close() throws IOException {
		release();
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
