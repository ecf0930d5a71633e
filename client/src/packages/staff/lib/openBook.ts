/**
 * Opens an exported xlsx: WeChat downloads it and opens it in the document viewer (with the menu to
 * forward or save it); the browser build follows the link.
 */
import Taro from '@tarojs/taro'

export async function openBook(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
