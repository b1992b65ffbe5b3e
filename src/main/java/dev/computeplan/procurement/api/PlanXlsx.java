package dev.computeplan.procurement.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The export tables as one XLSX workbook (Apache POI), a sheet per table: numbers stay numbers, the header bold. */
final class PlanXlsx {

    private PlanXlsx() {}

    static byte[] workbook(Map<String, PlanCsv.Tabular> sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (var entry : sheets.entrySet()) {
                Sheet sheet = book.createSheet(entry.getKey());
                Row header = sheet.createRow(0);
                for (int c = 0; c < entry.getValue().header().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(entry.getValue().header().get(c));
                    cell.setCellStyle(bold);
                }
                sheet.createFreezePane(0, 1);
                int[] next = {1};
                entry.getValue().rows().print(values -> write(sheet.createRow(next[0]++), values));
            }
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null || "".equals(v)) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                cell.setCellValue(v.toString());
            }
        }
    }
}
