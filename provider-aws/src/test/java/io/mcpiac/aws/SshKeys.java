package io.mcpiac.aws;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** Fresh RSA public keys in OpenSSH's one-line form, as {@code ssh-keygen} writes them. */
final class SshKeys {
  private SshKeys() {}

  static String newRsa(String comment) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      RSAPublicKey key = (RSAPublicKey) g.generateKeyPair().getPublic();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      write(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
      write(out, key.getPublicExponent().toByteArray());
      write(out, key.getModulus().toByteArray());
      return "ssh-rsa " + Base64.getEncoder().encodeToString(bytes.toByteArray()) + " " + comment;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DataOutputStream out, byte[] field) throws IOException {
    out.writeInt(field.length);
    out.write(field);
  }
}
