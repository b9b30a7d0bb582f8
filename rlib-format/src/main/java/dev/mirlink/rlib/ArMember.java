package dev.mirlink.rlib;

/** One ar archive member: its name and where its data lies in the file. */
public record ArMember(String name, long offset, long size) {
}
