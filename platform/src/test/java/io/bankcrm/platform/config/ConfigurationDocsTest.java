package io.bankcrm.platform.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration tables of docs/OPERATIONS.md name every setting the code reads: each key of a
 * {@code @ConfigMapping} interface, each {@code crm.*} {@code @ConfigProperty} and each {@code crm.*} key of a
 * properties file, in every module of the repository (container-free: it reads the sources).
 */
class ConfigurationDocsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PROPERTY_LINE = Pattern.compile("^\\s*(?:%[\\w-]+\\.)?(crm\\.[\\w.-]+)\\s*[=:]");
    private static final Pattern TABLE_KEY = Pattern.compile("`([a-z][\\w-]*(?:\\.[\\w\"-]+)+)`");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("(?m)^\\s*([\\w.<>?, ]+?)\\s+(\\w+)\\(\\)\\s*;");

    @Test
    void everySettingInCodeIsInTheConfigurationTable() {
        Set<String> documented = documentedKeys();
        Map<String, String> used = new HashMap<>();
        for (Path file : sources()) {
            String text = read(file);
            String where = ROOT.relativize(file).toString();
            if (file.toString().endsWith(".java")) {
                Matcher property = CONFIG_PROPERTY.matcher(text);
                while (property.find()) {
                    if (property.group(1).startsWith("crm.")) {
                        used.putIfAbsent(property.group(1), where);
                    }
                }
                if (CONFIG_MAPPING.matcher(text).find()) {
                    mappingKeys(text).forEach(k -> used.putIfAbsent(k, where));
                }
            } else {
                for (String line : text.split("\n")) {
                    Matcher key = PROPERTY_LINE.matcher(line);
                    if (key.find()) {
                        used.putIfAbsent(key.group(1), where);
                    }
                }
            }
        }
        assertTrue(used.keySet().containsAll(Set.of("crm.service-name", "crm.outbox.batch-size",
                "crm.http.max-json-body-bytes", "segmentation.tiering.work-mem")), "the scan finds settings: " + used);
        List<String> missing = new ArrayList<>();
        new TreeSet<>(used.keySet()).stream().filter(k -> !documented.contains(k))
                .forEach(k -> missing.add(k + " (" + used.get(k) + ")"));
        assertEquals(List.of(), missing, "settings missing from the configuration tables of docs/OPERATIONS.md");
    }

    @Test
    void theMappingReaderAgreesWithThePlatformConfigInterface() {
        Set<String> reflected = new TreeSet<>();
        reflect(PlatformConfig.class, "crm", reflected);
        assertEquals(reflected, new TreeSet<>(mappingKeys(
                read(ROOT.resolve("platform/src/main/java/io/bankcrm/platform/config/PlatformConfig.java")))));
    }

    private static void reflect(Class<?> type, String prefix, Set<String> keys) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() > 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String key = prefix + "." + kebab(m.getName());
            if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() == PlatformConfig.class) {
                reflect(m.getReturnType(), key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** Keys of the {@code @ConfigMapping} interface in {@code source}: nested interfaces are groups. */
    static List<String> mappingKeys(String text) {
        String source = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Matcher prefix = CONFIG_MAPPING.matcher(source);
        if (!prefix.find()) {
            return List.of();
        }
        Map<String, String> bodies = new HashMap<>();
        Matcher declared = INTERFACE.matcher(source);
        String root = null;
        while (declared.find()) {
            bodies.put(declared.group(1), ownBody(source, declared.end()));
            if (root == null && declared.start() > prefix.start()) {
                root = declared.group(1);
            }
        }
        List<String> keys = new ArrayList<>();
        collect(bodies, root, prefix.group(1), keys);
        return keys;
    }

    private static void collect(Map<String, String> bodies, String type, String prefix, List<String> keys) {
        Matcher method = METHOD.matcher(bodies.get(type));
        while (method.find()) {
            String returned = method.group(1).trim();
            returned = returned.substring(returned.lastIndexOf(' ') + 1);
            String key = prefix + "." + kebab(method.group(2));
            if (bodies.containsKey(returned)) {
                collect(bodies, returned, key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** The text of the block opened just before {@code from}, without the blocks nested in it. */
    private static String ownBody(String source, int from) {
        StringBuilder own = new StringBuilder();
        int depth = 1;
        for (int i = from; i < source.length() && depth > 0; i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 1) {
                own.append(c);
            }
            if (depth == 1 && c == '}') {
                own.append(';'); // a nested block ends a statement
            }
        }
        return own.toString();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Every backticked key in the tables of the "Configuration" section of docs/OPERATIONS.md. */
    private static Set<String> documentedKeys() {
        String doc = read(ROOT.resolve("docs/OPERATIONS.md"));
        int start = doc.indexOf("\n## Configuration");
        assertTrue(start >= 0, "docs/OPERATIONS.md has a Configuration section");
        int end = doc.indexOf("\n## ", start + 1);
        Set<String> keys = new TreeSet<>();
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            if (line.startsWith("|")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                if (cells.length > 2) {
                    Matcher key = TABLE_KEY.matcher(cells[2]);
                    while (key.find()) {
                        keys.add(key.group(1));
                    }
                }
            }
        }
        return keys;
    }

    /** Main Java sources and resource properties of every module (target/ and the launcher's state left out). */
    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String s = ROOT.relativize(p).toString().replace('\\', '/');
                        return !s.contains("/target/") && !s.startsWith(".") && !s.contains("/.")
                                && (s.contains("/src/main/java/") && s.endsWith(".java")
                                || s.contains("/src/main/resources/") && s.endsWith(".properties"));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/OPERATIONS.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/OPERATIONS.md above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
