package dev.mirlink.mir.item;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves visible paths of one crate to the items that define them, following {@code use}
 * and {@code pub use} (named and glob) the way rustc's resolver does for paths that print via
 * {@code visible_parent_map}. Paths are crate-qualified; a path into another crate comes back
 * as {@link Resolution.Upstream} for that crate's table.
 */
public final class PathResolver {
    private final ItemTable table;

    PathResolver(ItemTable table) {
        this.table = table;
    }

    public Resolution resolve(String path) {
        return resolve(DefPaths.split(path));
    }

    public Resolution resolve(List<String> segments) {
        String path = DefPaths.join(segments);
        String head = segments.get(0);
        if (!head.equals(table.crateName())) {
            return table.externCrates().contains(head)
                    ? new Resolution.Upstream(head, path)
                    : new Resolution.Unresolved(path, "unknown crate " + head);
        }
        String current = head;
        for (int i = 1; i < segments.size(); i++) {
            String segment = segments.get(i);
            Step step = step(current, segment, new HashSet<>());
            switch (step) {
                case Step.To to -> current = to.defPath();
                case Step.Upstream up -> {
                    String rest = DefPaths.join(segments.subList(i + 1, segments.size()));
                    String target = rest.isEmpty() ? up.path() : up.path() + "::" + rest;
                    String crate = DefPaths.split(up.path()).get(0);
                    return table.externCrates().contains(crate)
                            ? new Resolution.Upstream(crate, target)
                            : new Resolution.Unresolved(path, "unknown crate " + crate);
                }
                case Step.Member member -> {
                    if (i != segments.size() - 1) {
                        return new Resolution.Unresolved(path, "nothing below " + current + "::" + segment);
                    }
                    return new Resolution.Local(table.get(member.owner()), member.name());
                }
                case Step.Missing missing -> {
                    return new Resolution.Unresolved(path, "no " + segment + " in " + current);
                }
            }
        }
        Item item = table.get(current);
        return item != null || !current.equals(head)
                ? new Resolution.Local(item, null)
                : new Resolution.Unresolved(path, "crate root has no module item");
    }

    private sealed interface Step {
        record To(String defPath) implements Step {}
        record Upstream(String path) implements Step {}
        /** A variant or associated type of the item at {@code owner}, which may sit behind a glob. */
        record Member(String owner, String name) implements Step {}
        record Missing() implements Step {}
    }

    private Step step(String current, String segment, Set<String> visited) {
        if (!visited.add(current + "::" + segment)) return new Step.Missing();
        String direct = current + "::" + segment;
        if (table.contains(direct)) return new Step.To(direct);
        Item owner = table.get(current);
        switch (owner) {
            case Item.Adt adt when adt.variant(segment) != null -> {
                return new Step.Member(current, segment);
            }
            case Item.Adt adt when inherent(current, segment) != null -> {
                return inherent(current, segment);
            }
            case Item.ForeignType foreign when inherent(current, segment) != null -> {
                return inherent(current, segment);
            }
            case Item.Trait trait when hasAssoc(trait.items(), segment) -> {
                return new Step.Member(current, segment);
            }
            case Item.Impl impl when impl.item(segment) != null -> {
                return new Step.Member(current, segment);
            }
            case null, default -> {
            }
        }
        for (Item.Use use : table.uses(current)) {
            if (use.glob() || !use.name().equals(segment) || use.target() == null) continue;
            return target(use.target());
        }
        for (Item.Use use : table.uses(current)) {
            if (!use.glob() || use.target() == null) continue;
            Step inGlob = switch (target(use.target())) {
                case Step.To to -> step(to.defPath(), segment, visited);
                case Step.Upstream up -> new Step.Upstream(up.path() + "::" + segment);
                default -> new Step.Missing();
            };
            if (!(inGlob instanceof Step.Missing)) return inGlob;
        }
        return new Step.Missing();
    }

    /**
     * {@code Type::name} through an inherent impl, the way rustc prints a path to an inherent
     * associated item of an ADT ({@code ptr::non_null::NonNull::<T>::as_ptr}).
     */
    private Step inherent(String type, String segment) {
        for (Item.Impl impl : table.inherentImpls(type)) {
            AssocItem member = impl.item(segment);
            switch (member) {
                case AssocItem.Fn f -> { return new Step.To(f.defPath()); }
                case AssocItem.Const c -> { return new Step.To(c.defPath()); }
                case AssocItem.Type t -> { return null; }
                case null -> { }
            }
        }
        return null;
    }

    private Step target(String target) {
        if (DefPaths.split(target).get(0).equals(table.crateName())) return new Step.To(target);
        return new Step.Upstream(target);
    }

    private static boolean hasAssoc(List<AssocItem> items, String name) {
        for (AssocItem a : items) if (a.name().equals(name)) return true;
        return false;
    }
}
