package org.knime.core.internal;

/** Stand-in: holds the marker interface of port object and spec serializers. */
public final class SerializerMethodLoader {
    private SerializerMethodLoader() {
    }

    /** Marker of a serializer for objects of type T. */
    public interface Serializer<T> {
    }
}
