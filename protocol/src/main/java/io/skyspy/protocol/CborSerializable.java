package io.skyspy.protocol;

/**
 * Marker for messages that cross node boundaries in a cluster. The actor system binds it to
 * Jackson CBOR; nothing that carries it may rely on Java serialization or put class names in JSON.
 */
public interface CborSerializable {}
