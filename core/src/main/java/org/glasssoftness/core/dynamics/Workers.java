package org.glasssoftness.core.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * A fixed pool of threads for one analysis run, splitting index ranges into contiguous blocks. Each block writes
 * only its own indices of the output arrays, so results do not depend on the number of threads or on scheduling.
 */
final class Workers implements AutoCloseable {
    /** Interface of a block of work over indices [from, to). */
    @FunctionalInterface
    interface Block {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** @param threads number of threads; 0 or less means one per available processor */
    Workers(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (this.threads == 1) {
            this.pool = null;
        } else {
            ThreadFactory daemon = r -> {
                Thread t = new Thread(r, "glass-softness-dynamics");
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(this.threads, daemon);
        }
    }

    int threads() { return threads; }

    /** Runs {@code block} over [0, n) split into blocks, and waits for all of them; rethrows the first failure. */
    void forBlocks(int n, Block block) {
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
            for (Future<Void> f : pool.invokeAll(tasks)) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
