package io.skyspy.app.auth;

import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.skyspy.protocol.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Verification algorithms for tokens signed elsewhere: PEM public keys and JWKS files (RSA, EC P-256). */
final class PublicKeys {
    private PublicKeys() {}

    static List<Algorithm> algorithms(List<Path> pemFiles, Path jwksFile) {
        List<Algorithm> out = new ArrayList<>();
        try {
            for (Path p : pemFiles) {
                out.add(algorithm(pem(Files.readString(p))));
            }
            if (jwksFile != null) {
                for (JsonNode k : Json.MAPPER.readTree(jwksFile.toFile()).path("keys")) {
                    out.add(algorithm(jwk(k)));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read JWT public keys: " + e.getMessage(), e);
        }
        return out;
    }

    static Algorithm algorithm(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return Algorithm.RSA256(rsa, null);
        }
        return Algorithm.ECDSA256((ECPublicKey) key, null);
    }

    static PublicKey pem(String text) throws GeneralSecurityException {
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(body));
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    static PublicKey jwk(JsonNode k) throws GeneralSecurityException {
        Base64.Decoder d = Base64.getUrlDecoder();
        if ("RSA".equals(k.path("kty").asText())) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, d.decode(k.get("n").asText())), new BigInteger(1, d.decode(k.get("e").asText()))));
        }
        if ("EC".equals(k.path("kty").asText()) && "P-256".equals(k.path("crv").asText())) {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(new BigInteger(1, d.decode(k.get("x").asText())),
                    new BigInteger(1, d.decode(k.get("y").asText())));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
        }
        throw new GeneralSecurityException("unsupported JWK " + k.path("kty").asText() + " " + k.path("crv").asText());
    }
}
