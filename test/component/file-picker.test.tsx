/**
 * The one file picker: a button in the UI's words (never the browser's
 * "Choose File / No file chosen"), the input reachable by keyboard and named
 * by the button, the same file picked twice read twice, a cancelled dialog
 * reading nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FilePicker } from '../../renderer/ui/FilePicker';

afterEach(cleanup);

describe('FilePicker', () => {
  it('names the input with its own words and hands over each pick, the same file again too', async () => {
    const onFile = vi.fn();
    render(<FilePicker label="Elegir una imagen…" accept="image/png" testId="pick" onFile={onFile} />);
    const input = screen.getByLabelText('Elegir una imagen…') as HTMLInputElement;
    expect(input).toBe(screen.getByTestId('pick'));
    expect(input.type).toBe('file');
    expect(input.accept).toBe('image/png');
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'logo.png', { type: 'image/png' });
    await userEvent.upload(input, file);
    await userEvent.upload(input, file);
    expect(onFile).toHaveBeenCalledTimes(2);
    expect(onFile.mock.calls[1]![0]).toBe(file);
    expect(input.value).toBe('');
  });

  it('is reached with Tab, and a cancelled dialog hands over nothing', async () => {
    const onFile = vi.fn();
    render(<FilePicker label="Choose a PDF…" accept="application/pdf" onFile={onFile} />);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Choose a PDF…'));
    fireEvent.change(screen.getByLabelText('Choose a PDF…'), { target: { files: [] } });
    expect(onFile).not.toHaveBeenCalled();
  });
});
