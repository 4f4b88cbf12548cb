package io.bankcrm.localstack;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * PostgreSQL's {@code initdb} and {@code postgres} refuse to run as root. zonky runs
 * {@code bin/initdb} and {@code bin/pg_ctl} straight from the unpacked archive, so when this JVM is
 * root we hand zonky a rewritten archive in which those two are small shell wrappers that switch
 * to an unprivileged user ({@code setpriv}, or {@code runuser} as a fallback) before running the
 * real program ({@code bin/initdb.real}, {@code bin/pg_ctl.real}). {@code pg_ctl} then starts
 * {@code bin/postgres} as that user. The rewritten archive is built once and cached next to the
 * unpacked binaries.
 */
final class NonRootPgBinaryResolver implements PgBinaryResolver {

    static final String USER_PROPERTY = "localstack.postgres.os-user";
    private static final List<String> WRAPPED = List.of("initdb", "pg_ctl");
    private static final Map<Path, NonRootPgBinaryResolver> BY_DIRECTORY = new ConcurrentHashMap<>();

    private final Path workingDirectory;
    private final OsUser user;

    private NonRootPgBinaryResolver(Path workingDirectory, OsUser user) {
        this.workingDirectory = workingDirectory;
        this.user = user;
    }

    /** One instance per directory: zonky caches unpacked binaries per resolver instance. */
    static NonRootPgBinaryResolver forWorkingDirectory(Path workingDirectory) {
        OsUser user = OsUser.lookup(System.getProperty(USER_PROPERTY, "nobody"));
        return BY_DIRECTORY.computeIfAbsent(workingDirectory.toAbsolutePath().normalize(),
                dir -> new NonRootPgBinaryResolver(dir, user));
    }

    static boolean runningAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (RuntimeException | LinkageError e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Creates the data directory owned by the unprivileged user (PostgreSQL insists on owning it)
     * and checks that this user can reach both it and the binaries.
     */
    void prepareDataDirectory(Path data) throws IOException {
        Files.createDirectories(data);
        int owner = (Integer) Files.getAttribute(data, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != user.uid) {
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.setAttribute(p, "unix:uid", user.uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", user.gid, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        checkReachable(data);
        checkReachable(workingDirectory);
    }

    private void checkReachable(Path dir) throws IOException {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            int owner = (Integer) Files.getAttribute(p, "unix:uid");
            boolean searchable = perms.contains(PosixFilePermission.OTHERS_EXECUTE)
                    || (owner == user.uid && perms.contains(PosixFilePermission.OWNER_EXECUTE));
            if (!searchable) {
                throw new IllegalStateException("PostgreSQL cannot run as root, so local-stack runs it as user '"
                        + user.name + "', who cannot reach " + dir + " because " + p
                        + " is not searchable by others. Use a directory elsewhere, or `chmod o+x " + p
                        + "`, or run as a non-root user.");
            }
        }
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path archive = workingDirectory.resolve(
                "postgres-" + system + "-" + machineHardware + "-runas-" + user.uid + ".txz");
        synchronized (this) {
            if (!Files.isRegularFile(archive)) {
                Files.createDirectories(workingDirectory);
                Path tmp = Files.createTempFile(workingDirectory, "postgres-", ".txz.tmp");
                try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
                     OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    rewrite(original, out);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                try {
                    Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new BufferedInputStream(Files.newInputStream(archive));
    }

    private void rewrite(InputStream original, OutputStream out) throws IOException {
        // preset 0: the archive is unpacked locally right away; compression speed matters more than size
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(original)));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZOutputStream(out, new LZMA2Options(0)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String program = wrappedProgram(entry.getName());
                if (program != null && entry.isFile()) {
                    entry.setName(entry.getName() + ".real");
                }
                tar.putArchiveEntry(entry);
                if (entry.isFile()) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            }
            for (String program : WRAPPED) {
                byte[] script = wrapperScript(program).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry wrapper = new TarArchiveEntry("bin/" + program);
                wrapper.setMode(0755);
                wrapper.setSize(script.length);
                tar.putArchiveEntry(wrapper);
                tar.write(script);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static String wrappedProgram(String entryName) {
        String name = entryName.startsWith("./") ? entryName.substring(2) : entryName;
        for (String program : WRAPPED) {
            if (name.equals("bin/" + program)) {
                return program;
            }
        }
        return null;
    }

    private String wrapperScript(String program) {
        return "#!/bin/sh\n"
                + "# Written by io.bankcrm.localstack: PostgreSQL refuses to run as root, so as root\n"
                + "# run the real " + program + " as user " + user.name + " (uid " + user.uid + ").\n"
                + "real=\"$0.real\"\n"
                + "if [ \"$(id -u)\" = 0 ]; then\n"
                + "  if command -v setpriv >/dev/null 2>&1; then\n"
                + "    exec setpriv --reuid=" + user.uid + " --regid=" + user.gid + " --clear-groups \"$real\" \"$@\"\n"
                + "  fi\n"
                + "  exec runuser -u " + user.name + " -- \"$real\" \"$@\"\n"
                + "fi\n"
                + "exec \"$real\" \"$@\"\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NonRootPgBinaryResolver other
                && other.workingDirectory.equals(workingDirectory) && other.user.equals(user);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workingDirectory, user);
    }

    /** An entry of /etc/passwd. */
    record OsUser(String name, int uid, int gid) {
        static OsUser lookup(String name) {
            try {
                for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                    String[] f = line.split(":");
                    if (f.length >= 4 && f[0].equals(name)) {
                        return new OsUser(name, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /etc/passwd", e);
            }
            if ("nobody".equals(name)) {
                return new OsUser(name, 65534, 65534);
            }
            throw new IllegalStateException("no OS user '" + name + "' (system property " + USER_PROPERTY + ")");
        }
    }
}
