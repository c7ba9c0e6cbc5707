package io.mcpiac.opnsense.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Rehearsal on a copy of a real firewall (issue 14): a backup in config.xml's format (written for
 * this test, shaped like a fresh install's configuration, not copied from OPNsense) with objects of
 * every served model and sections the emulator does not model is loaded, changed through the API,
 * exported, reloaded and compared.
 */
class RehearsalTest {
  static final String U = "-0000-4000-8000-";

  static String uuid(int n) {
    return String.format("%08x%s%012x", 0x1000 + n, U, n);
  }

  static byte[] fixture() throws Exception {
    try (InputStream in = RehearsalTest.class.getResourceAsStream("/rehearsal/config.xml")) {
      return in.readAllBytes();
    }
  }

  /** Model-level get of every served model: what a client can see of the whole configuration. */
  static final List<String> MODELS =
      List.of(
          "/api/firewall/filter/get",
          "/api/firewall/d_nat/get",
          "/api/firewall/alias/get",
          "/api/firewall/category/get",
          "/api/interfaces/vlan_settings/get",
          "/api/interfaces/assignment/get",
          "/api/haproxy/settings/get",
          "/api/unbound/settings/get",
          "/api/kea/dhcpv4/get",
          "/api/dnsmasq/settings/get");

  @Test
  void everyServedModelIsLiveWithItsUuidsAndTheRestIsWrittenBackUnchanged() throws Exception {
    try (OpnsenseEmulator a =
        OpnsenseEmulator.builder().version("26.7").tls(false).configXml(fixture()).build()) {
      a.start();
      Client api = new Client(a);
      String[][] objects = {
        {"/api/firewall/filter/getRule/" + uuid(10), "/rule/description", "web to dmz"},
        {"/api/firewall/source_nat/getRule/" + uuid(11), "/rule/description", "dmz out"},
        {"/api/firewall/npt/getRule/" + uuid(12), "/rule/description", "npt"},
        {"/api/firewall/one_to_one/getRule/" + uuid(13), "/rule/description", "mail"},
        {"/api/firewall/d_nat/getRule/" + uuid(9), "/rule/descr", "https to web"},
        {"/api/firewall/alias/getItem/" + uuid(14), "/alias/name", "web_servers"},
        {"/api/firewall/category/getItem/" + uuid(16), "/category/name", "web"},
        {"/api/interfaces/vlan_settings/getItem/" + uuid(2), "/vlan/vlanif", "vlan01"},
        {"/api/interfaces/assignment/getItem/opt1", "/interface/descr", "DMZ"},
        {"/api/haproxy/settings/getServer/" + uuid(20), "/server/name", "web1"},
        {"/api/haproxy/settings/getBackend/" + uuid(21), "/backend/name", "pool_web"},
        {"/api/haproxy/settings/getFrontend/" + uuid(22), "/frontend/name", "fe_http"},
        {"/api/unbound/settings/getHostOverride/" + uuid(23), "/host/hostname", "nas"},
        {"/api/unbound/settings/getHostAlias/" + uuid(24), "/alias/hostname", "files"},
        {"/api/kea/dhcpv4/getSubnet/" + uuid(25), "/subnet4/subnet", "10.10.0.0/24"},
        {"/api/kea/dhcpv4/getReservation/" + uuid(26), "/reservation/hostname", "printer"},
        {"/api/kea/dhcpv4/getOption/" + uuid(27), "/option/description", "ntp"},
        {"/api/kea/dhcpv4/getPeer/" + uuid(28), "/peer/name", "fw2"},
        {"/api/dnsmasq/settings/getHost/" + uuid(3), "/host/host", "nas"},
        {"/api/dnsmasq/settings/getTag/" + uuid(4), "/tag/tag", "printers"},
        {"/api/dnsmasq/settings/getDomain/" + uuid(6), "/domainoverride/domain", "corp.example"},
        {"/api/dnsmasq/settings/getBoot/" + uuid(7), "/boot/filename", "pxelinux.0"},
        {"/api/dnsmasq/settings/getRange/" + uuid(8), "/range/start_addr", "192.168.1.50"},
        {"/api/trust/cert/get/" + uuid(29), "/cert/descr", "web certificate"},
        {"/api/auth/user/get/" + uuid(1), "/user/name", "ops"}
      };
      for (String[] o : objects) {
        assertThat(api.get(o[0]).text(o[1])).as(o[0]).isEqualTo(o[2]);
      }
      // a legacy <address> is loaded into address and network (NetworkMappedField)
      JsonNode fwd = api.get("/api/firewall/d_nat/getRule/" + uuid(9)).json().path("rule");
      assertThat(fwd.at("/destination/network").asText()).isEqualTo("wanip");
      // a backup is a running firewall: nothing is pending
      assertThat(api.get("/__emulator/state").json().path("dirty").toString())
          .doesNotContain("true");

      // change it through the API
      String added =
          api.post(
                  "/api/firewall/filter/addRule",
                  "{\"rule\":{\"interface\":\"opt1\",\"description\":\"rehearsed\"}}")
              .text("/uuid");
      assertThat(
              api.post(
                      "/api/firewall/alias/setItem/" + uuid(14),
                      "{\"alias\":{\"content\":\"10.10.0.20\\n10.10.0.22\"}}")
                  .text("/result"))
          .isEqualTo("saved");
      assertThat(api.post("/api/dnsmasq/settings/delBoot/" + uuid(7)).text("/result"))
          .isEqualTo("deleted");

      Client.Reply export = api.get("/__emulator/config.xml");
      assertThat(export.status()).isEqualTo(200);
      assertThat(export.raw().headers().firstValue("content-type").orElse(""))
          .startsWith("application/xml");
      Document original = dom(fixture());
      Document exported = dom(export.body().getBytes(StandardCharsets.UTF_8));
      for (String unmodelled :
          List.of("syslog", "ntpd", "rrd", "unbound", "theme", "OPNsense/IDS", "nat/outbound")) {
        assertThat(xml(at(exported, unmodelled)))
            .as(unmodelled)
            .isEqualTo(xml(at(original, unmodelled)));
      }
      for (String keptInside :
          List.of("system/timezone", "system/webgui", "system/ssh", "interfaces/wan/blockbogons")) {
        assertThat(xml(at(exported, keptInside))).isEqualTo(xml(at(original, keptInside)));
      }
      assertThat(export.body()).contains("<x_future_field>kept as it is</x_future_field>");
      assertThat(export.body()).contains("uuid=\"" + added + "\"");
      assertThat(export.body()).doesNotContain("pxelinux.0");

      // reload the export: the same firewall
      try (OpnsenseEmulator b =
          OpnsenseEmulator.builder()
              .version("26.7")
              .tls(false)
              .configXml(export.body().getBytes(StandardCharsets.UTF_8))
              .build()) {
        b.start();
        Client again = new Client(b);
        for (String model : MODELS) {
          assertThat(again.get(model).json()).as(model).isEqualTo(api.get(model).json());
        }
        assertThat(again.get("/__emulator/config.xml").body()).isEqualTo(export.body());
      }
    }
  }

  @Test
  void theLauncherStartsFromABackupAndRefusesWhatIsNotOne(@TempDir Path dir) throws Exception {
    Path xml = dir.resolve("config.xml");
    Files.write(xml, fixture());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EmulatorLauncher.Started s =
        EmulatorLauncher.start(
            new String[] {"--port", "0", "--no-tls", "--config", xml.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try (OpnsenseEmulator emu = s.emulator()) {
      assertThat(new Client(emu).get("/api/firewall/alias/getItem/" + uuid(14)).text("/alias/name"))
          .isEqualTo("web_servers");
    }
    Path bad = dir.resolve("bad.xml");
    Files.writeString(bad, "<pfsense/>");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    EmulatorLauncher.Started refused =
        EmulatorLauncher.start(
            new String[] {"--port", "0", "--config", bad.toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "--config "
                + bad
                + ": not an OPNsense configuration: the root element is <pfsense>, not <opnsense>");
  }

  static Document dom(byte[] xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml));
  }

  static Element at(Document d, String path) {
    Element cur = d.getDocumentElement();
    for (String part : path.split("/")) {
      Element next = null;
      for (Node n = cur.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(part)) {
          next = e;
          break;
        }
      }
      assertThat(next).as(path).isNotNull();
      cur = next;
    }
    return cur;
  }

  /** An element as text without layout whitespace. */
  static String xml(Element e) throws Exception {
    javax.xml.transform.Transformer t =
        javax.xml.transform.TransformerFactory.newInstance().newTransformer();
    t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
    java.io.StringWriter w = new java.io.StringWriter();
    t.transform(
        new javax.xml.transform.dom.DOMSource(e), new javax.xml.transform.stream.StreamResult(w));
    return w.toString().replaceAll(">\\s+<", "><").trim();
  }
}
