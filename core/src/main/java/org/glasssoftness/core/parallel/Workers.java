package org.glasssoftness.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * A fixed pool of daemon threads for one analysis run (none when one thread is asked for), splitting index ranges
 * into contiguous blocks. Each block writes only its own indices of the output arrays, so results do not depend on
 * the number of threads or on scheduling. The one thread-pool helper of the analyses (structure and dynamics).
 */
public final class Workers implements AutoCloseable {
    /** Interface of a block of work over indices [from, to). */
    @FunctionalInterface
    public interface Block {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** @param threads number of threads; 0 or less means one per available processor */
    public Workers(int threads) {
        this(threads, "glass-softness-dynamics");
    }

    /**
     * @param threads    number of threads; 0 or less means one per available processor
     * @param threadName name of the pool's threads (seen in thread dumps)
     */
    public Workers(int threads, String threadName) {
        this.threads = resolve(threads);
        if (this.threads == 1) {
            this.pool = null;
        } else {
            ThreadFactory daemon = r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(this.threads, daemon);
        }
    }

    /** The thread count a setting stands for: itself when positive, else one per available processor. */
    public static int resolve(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public int threads() { return threads; }

    /** The pool for submitting work directly, or null when single-threaded (then run the work inline). */
    public ExecutorService executor() { return pool; }

    /** Runs {@code block} over [0, n) split into blocks, and waits for all of them; rethrows the first failure. */
    public void forBlocks(int n, Block block) {
        if (pool == null || n < 2) {
            block.run(0, n);
            return;
        }
        int blocks = Math.min(n, threads * 4);
        List<Callable<Void>> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) n * b / blocks), to = (int) ((long) n * (b + 1) / blocks);
            tasks.add(() -> {
                block.run(from, to);
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) get(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The task's result; a failure inside it is rethrown as itself (unchecked) rather than wrapped. */
    public static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            if (c instanceof Error) throw (Error) c;
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
