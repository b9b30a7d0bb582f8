package dev.mirlink.mir.body;

import dev.mirlink.mir.alloc.AllocId;
import dev.mirlink.mir.alloc.Bytes;
import dev.mirlink.mir.ty.Path;
import dev.mirlink.mir.ty.Ty;

import java.math.BigInteger;
import java.util.List;

/**
 * The value of a MIR constant in the forms rustc's {@code pretty_print_const_value} and
 * {@code Const}'s Display print (rustc_middle/src/mir/pretty.rs, ty/print/pretty.rs).
 */
public sealed interface ConstValue {
    /** {@code 5_u32}, {@code -1_i8}, {@code i32::MIN}, {@code u8::MAX}: {@code value} is the numeric value. */
    record Int(BigInteger value, Ty.IntTy ty) implements ConstValue {}
    record Bool(boolean value) implements ConstValue {}
    /** {@code 'a'}, or a unicode escape for unprintable chars. */
    record Char(int codePoint) implements ConstValue {}
    /** {@code 1.5f32}, {@code +Inf_f64}, {@code NaN_f16}: rustc_apfloat's decimal text without the suffix. */
    record Float(String text, Ty.FloatTy ty) implements ConstValue {}
    /** A {@code &str} literal {@code "…"}. */
    record Str(String value) implements ConstValue {}
    /** A {@code &[u8]} literal {@code b"…"}, or with {@code deref} a {@code [u8; N]} value {@code *b"…"}. */
    record ByteStr(Bytes bytes, boolean deref) implements ConstValue {}
    /** {@code ()}, {@code (a,)}, {@code (a, b)}. */
    record Tuple(List<ConstValue> fields) implements ConstValue {
        public Tuple { fields = List.copyOf(fields); }
    }
    record Array(List<ConstValue> elements) implements ConstValue {
        public Array { elements = List.copyOf(elements); }
    }
    /**
     * A struct or variant value with fields: {@code Some(5_i32)} ({@code fieldNames} null) or
     * {@code Foo {{ a: 1_u8 }}} (rustc really prints the doubled braces).
     */
    record Adt(Path path, List<String> fieldNames, List<ConstValue> fields) implements ConstValue {
        public Adt {
            fieldNames = fieldNames == null ? null : List.copyOf(fieldNames);
            fields = List.copyOf(fields);
        }
    }
    /**
     * A bare value path: a unit struct or variant value ({@code option::Option::<T>::None}) or an
     * unevaluated const item ({@code <T as Trait>::C}, {@code num::<impl u8>::MAX}). The text does
     * not tell these apart; item information does.
     */
    record ValuePath(Path path) implements ConstValue {}
    /** A const generic parameter, {@code const N}. */
    record Param(String name) implements ConstValue {}
    /** A fn item, printed without {@code const}: {@code core::mem::drop::<T>}. */
    record FnItem(Path path) implements ConstValue {}
    /** {@code path::promoted[N]}: a promoted of the body {@code owner} (with its generic args). */
    record Promoted(Path owner, int index) implements ConstValue {}
    /** {@code {alloc3+0x8<imm>: &T}}: a pointer into an allocation dumped after the body. */
    record Pointer(AllocId alloc, long offset, boolean immutable, Ty ty) implements ConstValue {}
    /** {@code {0x1 as *const T}}: an integer-valued pointer. */
    record IntPointer(BigInteger address, Ty ty) implements ConstValue {}
    /** {@code {path as fn()}}: a fn pointer to an instance. */
    record FnPointer(Path fn, Ty ty) implements ConstValue {}
    /** {@code {transmute(0x00ff): T}}; {@code size} in bytes fixes the hex width, 0 prints {@code transmute(())}. */
    record Transmute(BigInteger bits, int size, Ty ty) implements ConstValue {}
    /** A pattern-type scalar, {@code 5_u32 is 1..}. */
    record PatValue(ConstValue base, String pattern) implements ConstValue {}
    /** {@code {unreachable(): T}}: a value of an uninhabited enum. */
    record Unreachable(Ty ty) implements ConstValue {}
    /**
     * A {@code &[u8; N]} pointer rustc did not print as bytes, kept as printed between the angle
     * brackets: {@code static(DefId(0:5 ~ core[390f]::X))}, {@code function}, {@code vtable},
     * {@code typeid}, {@code dangling pointer} or {@code too short allocation}.
     */
    record UnprintedBytes(String marker) implements ConstValue {}
    /** {@code <uninit>}: every byte is uninitialized; the type is not printed. */
    record Uninit() implements ConstValue {}
    /** rustc's Debug fallback {@code ZeroSized: T}. */
    record ZeroSized(Ty ty) implements ConstValue {}
    /** rustc's Debug fallback {@code Indirect { alloc_id: allocN, offset: Size(O bytes) }: T}. */
    record Indirect(AllocId alloc, long offset, Ty ty) implements ConstValue {}
    /** rustc's Debug fallback {@code Slice { alloc_id: allocN, meta: M }: T}. */
    record Slice(AllocId alloc, long meta, Ty ty) implements ConstValue {}
}
