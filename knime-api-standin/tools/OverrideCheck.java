// Development check (not part of the build): lists methods that override a supertype method without @Override.
// usage: java knime-api-standin/tools/OverrideCheck.java CLASSPATH CLASSES_DIR SRC_DIR [CLASSES_DIR SRC_DIR ...]
// e.g. CLASSPATH=knime-api-standin/target/classes:plugin/target/classes:core/target/classes:<commons-math3.jar>
// (2026-11-24: nothing reported for knime-api-standin and plugin; a removed @Override is reported.)
import java.io.File;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

/** Lists methods that override/implement a supertype method but whose source declaration lacks @Override. */
public class OverrideCheck {
    public static void main(String[] a) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String cp : a[0].split(":")) urls.add(new File(cp).toURI().toURL());
        URLClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]));
        for (int r = 1; r < a.length; r += 2) {
            Path classes = Path.of(a[r]), src = Path.of(a[r + 1]);
            List<Path> files;
            try (Stream<Path> s = Files.walk(classes)) { files = s.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList()); }
            for (Path f : files) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$") && name.matches(".*\\$\\d+.*")) continue;
                Class<?> c;
                try { c = Class.forName(name, false, cl); } catch (Throwable t) { continue; }
                String outer = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                Path sf = src.resolve(outer.replace('.', '/') + ".java");
                if (!Files.exists(sf)) continue;
                List<String> lines = Files.readAllLines(sf);
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isSynthetic() || m.isBridge() || Modifier.isStatic(m.getModifiers()) || Modifier.isPrivate(m.getModifiers())) continue;
                    if (!overrides(c, m)) continue;
                    // find declaration line: name( with matching param count, look back for @Override
                    boolean found = false, annotated = false;
                    for (int i = 0; i < lines.size(); i++) {
                        String l = lines.get(i);
                        if (l.matches(".*[\\w>\\]]\\s+" + m.getName() + "\\s*\\(.*") && !l.trim().startsWith("*") && !l.trim().startsWith("//") && !l.contains("=") && !l.contains("return ") && !l.contains("new ") && !l.contains(".")) {
                            found = true;
                            for (int j = i - 1; j >= Math.max(0, i - 4); j--) {
                                String p = lines.get(j).trim();
                                if (p.startsWith("@Override")) { annotated = true; break; }
                                if (!p.startsWith("@")) break;
                            }
                            if (annotated) break;
                        }
                    }
                    if (found && !annotated) System.out.println(name + "." + m.getName() + Arrays.toString(m.getParameterTypes()));
                }
            }
        }
    }
    static boolean overrides(Class<?> c, Method m) {
        Deque<Class<?>> q = new ArrayDeque<>();
        if (c.getSuperclass() != null) q.add(c.getSuperclass());
        q.addAll(Arrays.asList(c.getInterfaces()));
        while (!q.isEmpty()) {
            Class<?> s = q.poll();
            try { Method sm = s.getDeclaredMethod(m.getName(), m.getParameterTypes());
                  if (!Modifier.isPrivate(sm.getModifiers()) && !Modifier.isStatic(sm.getModifiers())) return true; } catch (NoSuchMethodException e) { }
            if (s.getSuperclass() != null) q.add(s.getSuperclass());
            q.addAll(Arrays.asList(s.getInterfaces()));
        }
        return false;
    }
}
