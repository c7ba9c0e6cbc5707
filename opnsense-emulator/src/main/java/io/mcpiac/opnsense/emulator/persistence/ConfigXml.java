package io.mcpiac.opnsense.emulator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpiac.opnsense.emulator.config.Config;
import io.mcpiac.opnsense.emulator.model.Collections;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A real OPNsense {@code config.xml} (what System ▸ Configuration ▸ Backups downloads) in and out
 * of the emulator: the items of every served model become live objects with their UUIDs (items
 * without one get one, as OPNsense gives them on its first save); everything else is kept as it is
 * and written back unchanged. Export merges the current objects into the original document: an item
 * keeps the XML children the emulator does not model; sections the emulator does not serve are
 * never touched.
 */
public final class ConfigXml {
  /** A served list: its parent element (path from the root) and item tag. */
  private record ListPlace(String collection, String parent, String tag) {}

  /** A settings section: the element holding it and which of its children (null = all). */
  private record SettingsPlace(String key, String element, List<String> children) {}

  private static final List<ListPlace> LISTS =
      List.of(
          new ListPlace(Collections.FILTER_RULES, "OPNsense/Firewall/Filter/rules", "rule"),
          new ListPlace(Collections.SNAT_RULES, "OPNsense/Firewall/Filter/snatrules", "rule"),
          new ListPlace(Collections.NPT, "OPNsense/Firewall/Filter/npt", "rule"),
          new ListPlace(Collections.ONE_TO_ONE, "OPNsense/Firewall/Filter/onetoone", "rule"),
          new ListPlace(Collections.DNAT, "nat", "rule"),
          new ListPlace(Collections.ALIASES, "OPNsense/Firewall/Alias/aliases", "alias"),
          new ListPlace(
              Collections.CATEGORIES, "OPNsense/Firewall/Category/categories", "category"),
          new ListPlace(Collections.VLANS, "vlans", "vlan"),
          new ListPlace(Collections.HAPROXY_SERVERS, "OPNsense/HAProxy/servers", "server"),
          new ListPlace(Collections.HAPROXY_BACKENDS, "OPNsense/HAProxy/backends", "backend"),
          new ListPlace(Collections.HAPROXY_FRONTENDS, "OPNsense/HAProxy/frontends", "frontend"),
          new ListPlace(Collections.UNBOUND_HOSTS, "OPNsense/unboundplus/hosts", "host"),
          new ListPlace(Collections.UNBOUND_ALIASES, "OPNsense/unboundplus/aliases", "alias"),
          new ListPlace(Collections.KEA_SUBNETS, "OPNsense/Kea/dhcp4/subnets", "subnet4"),
          new ListPlace(
              Collections.KEA_RESERVATIONS, "OPNsense/Kea/dhcp4/reservations", "reservation"),
          new ListPlace(Collections.KEA_OPTIONS, "OPNsense/Kea/dhcp4/options", "option"),
          new ListPlace(Collections.KEA_PEERS, "OPNsense/Kea/dhcp4/ha_peers", "peer"),
          new ListPlace(Collections.DNSMASQ_HOSTS, "dnsmasq", "hosts"),
          new ListPlace(Collections.DNSMASQ_RANGES, "dnsmasq", "dhcp_ranges"),
          new ListPlace(Collections.DNSMASQ_TAGS, "dnsmasq", "dhcp_tags"),
          new ListPlace(Collections.DNSMASQ_OPTIONS, "dnsmasq", "dhcp_options"),
          new ListPlace(Collections.DNSMASQ_DOMAINS, "dnsmasq", "domainoverrides"),
          new ListPlace(Collections.DNSMASQ_BOOT, "dnsmasq", "dhcp_boot"),
          new ListPlace(Collections.CERTS, "", "cert"),
          new ListPlace(Collections.CAS, "", "ca"),
          new ListPlace(Collections.USERS, "system", "user"));

  private static final List<SettingsPlace> SETTINGS =
      List.of(
          new SettingsPlace("haproxy", "OPNsense/HAProxy", List.of("general")),
          new SettingsPlace("dhcpv4", "OPNsense/Kea/dhcp4", List.of("general", "lexpire", "ha")),
          new SettingsPlace("filter", "OPNsense/Firewall/Filter", List.of("general")),
          new SettingsPlace("alias.geoip", "OPNsense/Firewall/Alias/geoip", null),
          new SettingsPlace("dnsmasq", "dnsmasq", null));

  /**
   * The sandbox's own starting configuration in config.xml's format (written for mcp-iac, not a
   * copy of OPNsense's sample): what an export starts from when no backup was loaded.
   */
  public static final byte[] SAMPLE = sample();

  private ConfigXml() {}

  private static byte[] sample() {
    try (java.io.InputStream in =
        ConfigXml.class.getResourceAsStream(
            "/io/mcpiac/opnsense/emulator/persistence/skeleton.xml")) {
      return in.readAllBytes();
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("skeleton.xml missing from the emulator", e);
    }
  }

  /** Parses a config.xml; a file that is not one is refused with the reason. */
  public static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      Document d = b.parse(new ByteArrayInputStream(xml));
      if (!"opnsense".equals(d.getDocumentElement().getTagName())) {
        throw new IllegalArgumentException(
            "not an OPNsense configuration: the root element is <"
                + d.getDocumentElement().getTagName()
                + ">, not <opnsense>");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a readable XML file: " + e.getMessage(), e);
    }
  }

  /** Replaces the served lists and settings of {@code config} with those of the document. */
  public static void load(Document doc, Config config) {
    Element root = doc.getDocumentElement();
    for (ListPlace p : LISTS) {
      ObjectNode list = config.collection(p.collection());
      list.removeAll();
      Element parent = find(root, p.parent());
      if (parent == null) {
        continue;
      }
      for (Element item : children(parent, p.tag())) {
        String uuid = item.getAttribute("uuid");
        if (uuid.isEmpty()) {
          uuid = UUID.randomUUID().toString();
        }
        list.set(uuid, toJson(item, p.collection()));
      }
    }
    ObjectNode ifs = config.collection(Collections.INTERFACES);
    Element interfaces = find(root, "interfaces");
    if (interfaces != null) {
      ifs.removeAll();
      for (Element i : children(interfaces, null)) {
        ifs.set(i.getTagName(), toJson(i, Collections.INTERFACES));
      }
    }
    for (SettingsPlace s : SETTINGS) {
      Element e = find(root, s.element());
      ObjectNode settings = config.settings(s.key());
      settings.removeAll();
      if (e != null) {
        for (Element c : children(e, null)) {
          if (isSetting(s, c.getTagName())) {
            settings.set(c.getTagName(), value(c));
          }
        }
      }
    }
  }

  /** The original document with the current objects merged in, as XML text. */
  public static String export(Document original, Config config) {
    Document doc = (Document) original.cloneNode(true);
    Element root = doc.getDocumentElement();
    for (ListPlace p : LISTS) {
      Map<String, JsonNode> items = new java.util.LinkedHashMap<>();
      config.items(p.collection()).forEach(e -> items.put(e.getKey(), e.getValue()));
      Element parent = find(root, p.parent());
      if (parent == null) {
        if (items.isEmpty()) {
          continue;
        }
        parent = create(root, p.parent());
      }
      Map<String, Element> existing = new HashMap<>();
      List<Element> old = children(parent, p.tag());
      for (Element e : old) {
        existing.put(e.getAttribute("uuid"), e);
      }
      Node anchor = old.isEmpty() ? null : old.get(old.size() - 1).getNextSibling();
      for (Element e : old) {
        parent.removeChild(e);
      }
      for (Map.Entry<String, JsonNode> it : items.entrySet()) {
        Element el = existing.get(it.getKey());
        if (el == null) {
          el = doc.createElement(p.tag());
        }
        el.setAttribute("uuid", it.getKey());
        merge(doc, el, it.getValue());
        parent.insertBefore(el, anchor);
      }
    }
    Element interfaces = find(root, "interfaces");
    if (interfaces == null) {
      interfaces = create(root, "interfaces");
    }
    Set<String> kept = new HashSet<>();
    for (Map.Entry<String, JsonNode> it : config.items(Collections.INTERFACES)) {
      kept.add(it.getKey());
      List<Element> found = children(interfaces, it.getKey());
      Element el = found.isEmpty() ? doc.createElement(it.getKey()) : found.get(0);
      if (found.isEmpty()) {
        interfaces.appendChild(el);
      }
      merge(doc, el, it.getValue());
    }
    for (Element i : children(interfaces, null)) {
      if (!kept.contains(i.getTagName())) {
        interfaces.removeChild(i);
      }
    }
    for (SettingsPlace s : SETTINGS) {
      ObjectNode settings = config.settings(s.key());
      if (settings.isEmpty()) {
        continue;
      }
      Element e = find(root, s.element());
      merge(doc, e == null ? create(root, s.element()) : e, settings);
    }
    return write(doc);
  }

  private static boolean isSetting(SettingsPlace s, String tag) {
    if (s.children() != null) {
      return s.children().contains(tag);
    }
    for (ListPlace p : LISTS) {
      if (p.parent().equals(s.element()) && p.tag().equals(tag)) {
        return false;
      }
    }
    return true;
  }

  /** An item: leaves as strings, nested containers as objects (the first of repeated names). */
  private static ObjectNode toJson(Element item, String collection) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Element c : children(item, null)) {
      if (!out.has(c.getTagName())) {
        out.set(c.getTagName(), value(c));
      }
    }
    if (Collections.DNAT.equals(collection)) {
      legacyAddress(out, "source");
      legacyAddress(out, "destination");
    }
    return out;
  }

  /**
   * {@code NetworkMappedField::setValue}: a legacy {@code <address>} is loaded into both {@code
   * address} and {@code network}.
   */
  private static void legacyAddress(ObjectNode rule, String side) {
    JsonNode s = rule.get(side);
    if (s instanceof ObjectNode o && !o.path("address").asText("").isEmpty()) {
      o.put("network", o.path("address").asText());
    }
  }

  private static JsonNode value(Element e) {
    List<Element> kids = children(e, null);
    if (kids.isEmpty()) {
      return JsonNodeFactory.instance.textNode(e.getTextContent());
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (Element c : kids) {
      if (!o.has(c.getTagName())) {
        o.set(c.getTagName(), value(c));
      }
    }
    return o;
  }

  /** Sets the element's children to the JSON values; children the JSON lacks stay as they are. */
  private static void merge(Document doc, Element el, JsonNode value) {
    value
        .properties()
        .forEach(
            e -> {
              List<Element> found = children(el, e.getKey());
              Element c = found.isEmpty() ? doc.createElement(e.getKey()) : found.get(0);
              if (found.isEmpty()) {
                el.appendChild(c);
              }
              if (e.getValue().isObject()) {
                merge(doc, c, e.getValue());
              } else if (!c.getTextContent().equals(e.getValue().asText())
                  || !children(c, null).isEmpty()) {
                c.setTextContent(e.getValue().asText());
              }
            });
  }

  private static Element find(Element root, String path) {
    Element cur = root;
    if (path.isEmpty()) {
      return root;
    }
    for (String part : path.split("/")) {
      List<Element> c = children(cur, part);
      if (c.isEmpty()) {
        return null;
      }
      cur = c.get(0);
    }
    return cur;
  }

  private static Element create(Element root, String path) {
    Element cur = root;
    for (String part : path.split("/")) {
      List<Element> c = children(cur, part);
      if (c.isEmpty()) {
        Element n = root.getOwnerDocument().createElement(part);
        cur.appendChild(n);
        cur = n;
      } else {
        cur = c.get(0);
      }
    }
    return cur;
  }

  /** Child elements, all or of one tag. */
  private static List<Element> children(Element e, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nl = e.getChildNodes();
    for (int i = 0; i < nl.getLength(); i++) {
      if (nl.item(i) instanceof Element c && (tag == null || c.getTagName().equals(tag))) {
        out.add(c);
      }
    }
    return out;
  }

  private static String write(Document doc) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
      t.setOutputProperty(OutputKeys.STANDALONE, "yes");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException("cannot write config.xml", e);
    }
  }
}
