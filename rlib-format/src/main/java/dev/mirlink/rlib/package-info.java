/**
 * The MIR-only rlib container. An ar archive (GNU-style names, mtime/uid/gid 0, mode 644):
 * <ol>
 *   <li>{@code lib.rmeta}: rustc's metadata, byte for byte, first (rustc finds it by name);</li>
 *   <li>{@code mirlink.hdr}: {@link dev.mirlink.rlib.RlibHeader}: magic, format version, producer,
 *       rustc version, target, crate name, crate hash, schema hash, layout name;</li>
 *   <li>{@code mirlink.idx}: {@link dev.mirlink.rlib.ItemIndex}: member table and one entry per
 *       item sorted by def path (member, offset, length, codec, SHA-256 of the record);</li>
 *   <li>{@code mirlink.0 ...}: Kryo records ({@link dev.mirlink.rlib.KryoSchema}) grouped and
 *       compressed as an {@link dev.mirlink.rlib.RlibLayout} planned.</li>
 * </ol>
 * Write with {@link dev.mirlink.rlib.RlibWriter}, read with {@link dev.mirlink.rlib.RlibReader};
 * bad input of any kind is an {@link dev.mirlink.rlib.RlibFormatException}.
 */
package dev.mirlink.rlib;
