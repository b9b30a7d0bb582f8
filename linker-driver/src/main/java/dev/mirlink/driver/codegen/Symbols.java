package dev.mirlink.driver.codegen;

import dev.mirlink.driver.collect.MonoItem;
import dev.mirlink.driver.collect.MonoItemPrinter;
import dev.mirlink.mir.ty.Ty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Symbol names: rustc's legacy mangling shape ({@code _ZN4core3fmt5write17h<hash>E},
 * rustc_symbol_mangling/src/legacy.rs) with our own hash, of the instance's canonical name, so that
 * the same instance has the same symbol in every codegen unit and every run.
 */
final class Symbols {
    private Symbols() {}

    static String of(MonoItem item) {
        String canonical = MonoItemPrinter.CANONICAL.print(item);
        String path = switch (item) {
            case MonoItem.Fn f -> f.defPath();
            case MonoItem.Static s -> s.defPath();
        };
        return mangle(path, canonical);
    }

    static String vtable(Ty concrete, Ty.Dynamic dyn) {
        return mangle("vtable", "vtable " + MonoItemPrinter.CANONICAL.ty(concrete) + " as " + MonoItemPrinter.CANONICAL.ty(dyn));
    }

    private static String mangle(String defPath, String identity) {
        StringBuilder sb = new StringBuilder("_ZN");
        for (String part : defPath.split("::")) {
            String p = part.replaceAll("[^A-Za-z0-9_]", "_");
            if (p.isEmpty() || Character.isDigit(p.charAt(0))) p = "_" + p;
            sb.append(p.length()).append(p);
        }
        return sb.append("17h").append(hash(identity)).append('E').toString();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) hex.append(String.format("%02x", d[i] & 0xff));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
